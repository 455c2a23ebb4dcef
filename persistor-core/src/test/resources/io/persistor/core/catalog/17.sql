-- What PostgreSQL 17 adds to the catalog round trip: identity columns on partitioned tables, also on a partition
-- attached with its own column order.
CREATE TABLE app.events (id bigint GENERATED ALWAYS AS IDENTITY (START WITH 10), at date NOT NULL, what text)
    PARTITION BY RANGE (at);
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE app.events_2023 (what text, at date NOT NULL, id bigint NOT NULL);
ALTER TABLE app.events ATTACH PARTITION app.events_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE app.events_rest PARTITION OF app.events DEFAULT;
INSERT INTO app.events (at, what) VALUES ('2024-05-01', 'launch'), ('2030-01-01', 'later');
INSERT INTO app.events (at, what) VALUES ('2023-03-01', 'attached');
-- A domain's NOT NULL constraint, which has a name of its own from PostgreSQL 17
CREATE DOMAIN app.required_int AS int CONSTRAINT required_int_present NOT NULL;
CREATE TABLE app.required_values (v app.required_int);
INSERT INTO app.required_values VALUES (1);
