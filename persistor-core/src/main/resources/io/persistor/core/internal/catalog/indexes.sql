-- Indexes of the tables and materialized views of the requested schemas that no constraint creates.
-- attached_* names the parent's index when a partition's index belongs to it. PostgreSQL 13-18.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       ic.relname AS index_name,
       pg_catalog.pg_get_indexdef(i.indexrelid) AS definition,
       pn.nspname AS attached_schema,
       pc.relname AS attached_index,
       dsc.description AS comment
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_inherits ih ON ih.inhrelid = i.indexrelid
LEFT JOIN pg_catalog.pg_class pc ON pc.oid = ih.inhparent
LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
LEFT JOIN pg_catalog.pg_description dsc
       ON dsc.objoid = i.indexrelid AND dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dsc.objsubid = 0
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                  WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", ic.relname COLLATE "C"
