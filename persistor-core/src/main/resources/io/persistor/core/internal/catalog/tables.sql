-- Ordinary tables of the requested schemas. PostgreSQL 13-18.
-- $1: schema names (text[]). Tables that belong to an extension are left out.
SELECT n.nspname AS schema_name,
       c.relname AS table_name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r'
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND x.objid = c.oid AND x.deptype = 'e')
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"
