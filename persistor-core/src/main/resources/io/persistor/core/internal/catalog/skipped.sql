-- Objects of the requested schemas that a backup cannot recreate, with the reason. PostgreSQL 13-18.
-- $1: schema names (text[]).
SELECT 'foreign table ' || c.oid::pg_catalog.regclass::text
       || ': foreign tables need a foreign server, which only a superuser can create' AS reason
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'f'
  AND n.nspname = ANY (?)
ORDER BY 1
