-- Ordinary and partitioned tables of the requested schemas. PostgreSQL 13-18.
-- $1: schema names (text[]). Tables that belong to an extension are left out.
-- Storage parameters of the table's TOAST table come with the prefix toast., as WITH (...) takes them.
-- access_method is NULL for heap, PostgreSQL's own, and for a partitioned table that names none; heap is named where
-- leaving it out would give another: a partitioned table that names it, and a partition of one that names another
-- (PostgreSQL 17 and later, where a partition created without USING takes its parent's).
-- A partition names its parent in parent_schema/parent_table; a child of INHERITS lists its parents in order.
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       c.relkind = 'p' AS partitioned,
       c.relpersistence = 'u' AS unlogged,
       coalesce(c.reloptions, '{}')
           || coalesce((SELECT pg_catalog.array_agg('toast.' || o ORDER BY ordinality)
                        FROM pg_catalog.pg_class tc, pg_catalog.unnest(tc.reloptions) WITH ORDINALITY o
                        WHERE tc.oid = c.reltoastrelid), '{}') AS options,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
       CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       (SELECT pn.nspname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
        JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
        WHERE c.relispartition AND i.inhrelid = c.oid) AS parent_schema,
       (SELECT p.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
        WHERE c.relispartition AND i.inhrelid = c.oid) AS parent_table,
       coalesce((SELECT array_agg(pn.nspname ORDER BY i.inhseqno)
                 FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
                 JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
                 WHERE NOT c.relispartition AND i.inhrelid = c.oid), '{}') AS inherits_schemas,
       coalesce((SELECT array_agg(p.relname ORDER BY i.inhseqno)
                 FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
                 WHERE NOT c.relispartition AND i.inhrelid = c.oid), '{}') AS inherits_tables,
       CASE WHEN c.reloftype <> 0 THEN pg_catalog.format_type(c.reloftype, NULL) END AS of_type,
       c.relrowsecurity AS row_security,
       c.relforcerowsecurity AS force_row_security,
       CASE c.relreplident WHEN 'f' THEN 'FULL' WHEN 'n' THEN 'NOTHING' WHEN 'i' THEN 'INDEX' END AS replica_identity,
       (SELECT ic.relname FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        WHERE i.indrelid = c.oid AND i.indisreplident) AS replica_index,
       (SELECT ic.relname FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        WHERE i.indrelid = c.oid AND i.indisclustered) AS cluster_on,
       (SELECT a.amname FROM pg_catalog.pg_am a WHERE a.oid = c.relam
          AND (a.amname <> 'heap' OR c.relkind = 'p'
               OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
                          JOIN pg_catalog.pg_am pa ON pa.oid = pc.relam
                          WHERE c.relispartition AND i.inhrelid = c.oid AND pa.amname <> 'heap'))) AS access_method,
       dsc.description AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description dsc
       ON dsc.objoid = c.oid AND dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dsc.objsubid = 0
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND x.objid = c.oid AND x.deptype = 'e')
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"
