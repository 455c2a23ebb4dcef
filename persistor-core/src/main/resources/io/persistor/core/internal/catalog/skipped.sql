-- Objects that a backup cannot recreate, with the reason: foreign tables of the requested schemas, and the
-- database's large objects (which belong to no schema). PostgreSQL 13-18.
-- $1: schema names (text[]).
SELECT 'foreign table ' || c.oid::pg_catalog.regclass::text
       || ': foreign tables need a foreign server, which only a superuser can create' AS reason
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'f'
  AND n.nspname = ANY (?)
UNION ALL
SELECT pg_catalog.count(*) || ' large objects: large objects are outside every schema and are not backed up'
FROM pg_catalog.pg_largeobject_metadata
HAVING pg_catalog.count(*) > 0
ORDER BY 1
