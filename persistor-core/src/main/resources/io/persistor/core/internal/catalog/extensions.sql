-- Extensions installed into the requested schemas. PostgreSQL 13-18.
-- $1: schema names (text[]).
SELECT e.extname AS extension_name,
       n.nspname AS schema_name,
       pg_catalog.obj_description(e.oid, 'pg_extension') AS comment
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE n.nspname = ANY (?)
ORDER BY e.extname COLLATE "C"
