-- Check constraints of the domains of the requested schemas. PostgreSQL 13-18; from 17 domains' NOT NULL
-- is also a constraint (contype 'n'), which comes from typnotnull instead.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       t.typname AS type_name,
       k.conname AS constraint_name,
       pg_catalog.pg_get_constraintdef(k.oid) AS definition,
       k.convalidated AS validated,
       pg_catalog.obj_description(k.oid, 'pg_constraint') AS comment
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_type t ON t.oid = k.contypid
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE k.contype = 'c'
  AND n.nspname = ANY (?)
ORDER BY n.nspname COLLATE "C", t.typname COLLATE "C", k.conname COLLATE "C"
