-- What PostgreSQL 14 adds to the catalog round trip: multiranges, SQL-standard bodies, column compression.
CREATE TYPE app.intervals AS RANGE (SUBTYPE = int4, MULTIRANGE_TYPE_NAME = app.interval_set);
CREATE TABLE app.schedule (id int PRIMARY KEY, slots app.interval_set, note text COMPRESSION pglz);
INSERT INTO app.schedule VALUES (1, '{[1,3), [5,8)}', 'n'), (2, '{}', NULL);
CREATE FUNCTION app.double_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN x * 2;
CREATE FUNCTION app.customer_count() RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(*) FROM app.customer;
END;
CREATE VIEW app.doubled AS SELECT app.double_it(id) AS twice FROM app.schedule;
-- A check constraint calling a SQL-standard body that reads the constraint's own table
CREATE TABLE app.atomic_checked (id int, v int);
CREATE FUNCTION app.no_negative(x int) RETURNS boolean LANGUAGE sql STABLE
    BEGIN ATOMIC SELECT x >= 0 AND NOT EXISTS (SELECT FROM app.atomic_checked WHERE v < 0); END;
ALTER TABLE app.atomic_checked ADD CONSTRAINT atomic_checked_v CHECK (app.no_negative(v));
INSERT INTO app.atomic_checked VALUES (1, 1);
-- A partition compressing a column otherwise than its parent, and a materialized view's column compression
CREATE TABLE app.journal (day date, body text) PARTITION BY RANGE (day);
CREATE TABLE app.journal_2024 PARTITION OF app.journal FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE app.journal_2024 ALTER COLUMN body SET COMPRESSION pglz;
INSERT INTO app.journal VALUES ('2024-02-03', 'entry');
CREATE MATERIALIZED VIEW app.journal_days AS SELECT day, body FROM app.journal;
ALTER MATERIALIZED VIEW app.journal_days ALTER COLUMN body SET COMPRESSION pglz;
