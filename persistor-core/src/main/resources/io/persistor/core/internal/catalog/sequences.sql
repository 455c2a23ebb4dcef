-- Sequences of the requested schemas with their parameters and owner. PostgreSQL 13-18 (unlogged from 15).
-- $1: schema names (text[]). owner_kind is 'a' for OWNED BY (serial), 'i' for an identity column, NULL if unowned.
-- readable tells whether the role may read the sequence's state.
SELECT n.nspname AS schema_name,
       c.relname AS sequence_name,
       pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
       s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
       c.relpersistence = 'u' AS unlogged,
       pg_catalog.has_sequence_privilege(c.oid, 'SELECT') AS readable,
       d.deptype AS owner_kind,
       tn.nspname AS owner_schema,
       tc.relname AS owner_table,
       a.attname AS owner_column,
       pg_catalog.obj_description(c.oid, 'pg_class') AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
LEFT JOIN pg_catalog.pg_depend d
       ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
      AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype IN ('a', 'i')
LEFT JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid
LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
WHERE c.relkind = 'S'
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND x.objid = c.oid AND x.deptype = 'e')
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"
