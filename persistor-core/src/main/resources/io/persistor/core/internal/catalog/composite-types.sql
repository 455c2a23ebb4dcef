-- Attributes of the composite types (CREATE TYPE ... AS) of the requested schemas, in order. PostgreSQL 13-18.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       t.typname AS type_name,
       pg_catalog.obj_description(t.oid, 'pg_type') AS comment,
       a.attname AS attribute_name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS data_type,
       CASE WHEN a.attcollation <> at.typcollation THEN
           (SELECT pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(c.collname)
            FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace cn ON cn.oid = c.collnamespace
            WHERE c.oid = a.attcollation) END AS collation,
       pg_catalog.col_description(t.typrelid, a.attnum) AS attribute_comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
WHERE t.typtype = 'c'
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND x.objid = t.oid AND x.deptype = 'e')
ORDER BY n.nspname COLLATE "C", t.typname COLLATE "C", a.attnum
