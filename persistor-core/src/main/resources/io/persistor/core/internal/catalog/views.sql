-- Views and materialized views of the requested schemas, and whether a view's query reads the view itself or needs a
-- table's constraint (pg_depend of its _RETURN rule; before 16 every rule also needs its view as a whole, for the
-- OLD and NEW entries of its query, so reading itself means needing its own columns). PostgreSQL 13-18.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       c.relname AS view_name,
       c.relkind = 'm' AS materialized,
       c.relispopulated AS populated,
       coalesce(c.reloptions, '{}') AS options,
       pg_catalog.pg_get_viewdef(c.oid) AS query,
       (SELECT x.relname FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class x ON x.oid = i.indexrelid
        WHERE i.indrelid = c.oid AND i.indisclustered) AS cluster_on,
       (SELECT a.amname FROM pg_catalog.pg_am a WHERE a.oid = c.relam AND a.amname <> 'heap') AS access_method,
       pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
       EXISTS (SELECT 1 FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_depend d
                   ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = r.oid
               WHERE r.ev_class = c.oid AND r.rulename = '_RETURN' AND d.deptype = 'n'
                 AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = c.oid
                 AND d.refobjsubid > 0)
           AS self_referencing,
       EXISTS (SELECT 1 FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_depend d
                   ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = r.oid
               WHERE r.ev_class = c.oid AND r.rulename = '_RETURN' AND d.deptype = 'n'
                 AND d.refclassid = 'pg_catalog.pg_constraint'::pg_catalog.regclass)
           AS relies_on_constraint
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND x.objid = c.oid AND x.deptype = 'e')
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"
