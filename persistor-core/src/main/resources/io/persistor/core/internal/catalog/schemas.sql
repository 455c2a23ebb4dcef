-- The requested schemas with their comments. PostgreSQL 13-18.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment
FROM pg_catalog.pg_namespace n
WHERE n.nspname = ANY (?)
