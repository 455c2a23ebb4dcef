-- Range types of the requested schemas. PostgreSQL 13-18; multiranges exist from 14 ({{range_multirange}}).
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       t.typname AS type_name,
       pg_catalog.format_type(r.rngsubtype, NULL) AS subtype,
       CASE WHEN NOT o.opcdefault THEN
           pg_catalog.quote_ident(on_.nspname) || '.' || pg_catalog.quote_ident(o.opcname) END AS subtype_opclass,
       CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation THEN
           (SELECT pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(c.collname)
            FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace cn ON cn.oid = c.collnamespace
            WHERE c.oid = r.rngcollation) END AS collation,
       NULLIF(r.rngcanonical, 0)::pg_catalog.regproc::text AS canonical,
       NULLIF(r.rngsubdiff, 0)::pg_catalog.regproc::text AS subtype_diff,
       mn.nspname AS multirange_schema,
       m.typname AS multirange_name,
       pg_catalog.obj_description(t.oid, 'pg_type') AS comment
FROM pg_catalog.pg_range r
JOIN pg_catalog.pg_type t ON t.oid = r.rngtypid
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
JOIN pg_catalog.pg_opclass o ON o.oid = r.rngsubopc
JOIN pg_catalog.pg_namespace on_ ON on_.oid = o.opcnamespace
LEFT JOIN pg_catalog.pg_type m ON m.oid = {{range_multirange}}
LEFT JOIN pg_catalog.pg_namespace mn ON mn.oid = m.typnamespace
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND x.objid = t.oid AND x.deptype = 'e')
ORDER BY n.nspname COLLATE "C", t.typname COLLATE "C"
