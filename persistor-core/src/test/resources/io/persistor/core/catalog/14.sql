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
