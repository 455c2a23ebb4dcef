-- Table constraints of the ordinary tables of the requested schemas. PostgreSQL 13-18.
-- PostgreSQL 18 also records NOT NULL as constraints (contype 'n'); those come from the columns instead.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       k.conname AS constraint_name,
       k.contype AS kind,
       pg_catalog.pg_get_constraintdef(k.oid) AS definition,
       k.convalidated AS validated,
       fn.nspname AS referenced_schema,
       fc.relname AS referenced_table
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = k.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
WHERE c.relkind = 'r'
  AND n.nspname = ANY (?)
  AND k.contype IN ('p', 'u', 'c', 'f', 'x')
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", k.conname COLLATE "C"
