-- Constraints of the tables of the requested schemas. PostgreSQL 13-18.
-- PostgreSQL 18 also records NOT NULL as constraints (contype 'n'); those come from the columns instead, except
-- the NOT VALID and NO INHERIT ones, which are added after the data like checks.
-- attached_* names the parent key's index when a partition's key belongs to its parent's (conparentid). A partition's
-- copy of its parent's foreign key is listed (not local); the copies on a table of its own foreign key to a
-- partitioned table, one for each partition referenced, are not.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       k.conname AS constraint_name,
       k.contype AS kind,
       pg_catalog.pg_get_constraintdef(k.oid) AS definition,
       k.convalidated AS validated,
       fn.nspname AS referenced_schema,
       fc.relname AS referenced_table,
       k.conislocal AS local,
       pn.nspname AS attached_schema,
       pi.relname AS attached_index,
       kd.description AS comment,
       id.description AS index_comment
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = k.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_catalog.pg_constraint pk ON pk.oid = k.conparentid AND k.contype IN ('p', 'u', 'x')
LEFT JOIN pg_catalog.pg_class pi ON pi.oid = pk.conindid
LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pi.relnamespace
LEFT JOIN pg_catalog.pg_description kd
       ON kd.objoid = k.oid AND kd.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND kd.objsubid = 0
LEFT JOIN pg_catalog.pg_description id
       ON k.contype IN ('p', 'u', 'x') AND id.objoid = k.conindid AND id.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
          AND id.objsubid = 0
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
  AND (k.contype IN ('p', 'u', 'c', 'f', 'x', 't') OR k.contype = 'n' AND (NOT k.convalidated OR k.connoinherit))
  -- A foreign key to a partitioned table has copies on the same table pointing at each partition: the server's own.
  AND NOT (k.contype = 'f' AND k.conparentid <> 0
           AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint pf WHERE pf.oid = k.conparentid AND pf.conrelid = k.conrelid))
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", k.conname COLLATE "C"
