-- What PostgreSQL 15 adds to the catalog round trip: NULLS NOT DISTINCT, security_invoker views, unlogged sequences.
CREATE TABLE app.nullable_unique (a int, b int, CONSTRAINT ab_unique UNIQUE NULLS NOT DISTINCT (a, b));
INSERT INTO app.nullable_unique VALUES (1, NULL), (2, 2);
CREATE VIEW app.invoker WITH (security_invoker = true) AS SELECT a FROM app.nullable_unique;
CREATE UNLOGGED SEQUENCE app.scratch_seq;
-- An identity sequence whose persistence differs from its table's
CREATE TABLE app.logged_with_unlogged_identity (id int GENERATED ALWAYS AS IDENTITY);
ALTER SEQUENCE app.logged_with_unlogged_identity_id_seq SET UNLOGGED;
