-- Extended statistics objects on the tables of the requested schemas. PostgreSQL 13-18: the target is -1 for the
-- default up to 16 and NULL from 17.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       sn.nspname AS statistics_schema,
       s.stxname AS statistics_name,
       pg_catalog.pg_get_statisticsobjdef(s.oid) AS definition,
       NULLIF(s.stxstattarget, -1)::integer AS target,
       pg_catalog.obj_description(s.oid, 'pg_statistic_ext') AS comment
FROM pg_catalog.pg_statistic_ext s
JOIN pg_catalog.pg_namespace sn ON sn.oid = s.stxnamespace
JOIN pg_catalog.pg_class c ON c.oid = s.stxrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (?)
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", s.stxname COLLATE "C"
