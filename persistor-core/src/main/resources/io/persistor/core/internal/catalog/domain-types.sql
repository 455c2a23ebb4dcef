-- Domains of the requested schemas. PostgreSQL 13-18.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       t.typname AS type_name,
       pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base_type,
       CASE WHEN t.typcollation <> b.typcollation THEN
           (SELECT pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(c.collname)
            FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace cn ON cn.oid = c.collnamespace
            WHERE c.oid = t.typcollation) END AS collation,
       coalesce(pg_catalog.pg_get_expr(t.typdefaultbin, 0), t.typdefault) AS default_expression,
       t.typnotnull AS not_null,
       (SELECT k.conname FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'n') AS not_null_name,
       pg_catalog.obj_description(t.oid, 'pg_type') AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type b ON b.oid = t.typbasetype
WHERE t.typtype = 'd'
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND x.objid = t.oid AND x.deptype = 'e')
ORDER BY n.nspname COLLATE "C", t.typname COLLATE "C"
