-- Sequences that column defaults of the ordinary tables of the requested schemas depend on
-- (nextval('...'::regclass)), wherever those sequences live. PostgreSQL 13-18.
-- $1: schema names (text[]).
SELECT DISTINCT n.nspname AS schema_name,
       c.relname AS table_name,
       sn.nspname AS sequence_schema,
       sc.relname AS sequence_name
FROM pg_catalog.pg_attrdef ad
JOIN pg_catalog.pg_class c ON c.oid = ad.adrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_depend d
  ON d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND d.objid = ad.oid
 AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
JOIN pg_catalog.pg_class sc ON sc.oid = d.refobjid AND sc.relkind = 'S'
JOIN pg_catalog.pg_namespace sn ON sn.oid = sc.relnamespace
WHERE c.relkind = 'r'
  AND n.nspname = ANY (?)
ORDER BY 1, 2, 3, 4
