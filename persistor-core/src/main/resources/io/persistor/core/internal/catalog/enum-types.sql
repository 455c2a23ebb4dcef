-- Enum types of the requested schemas, labels in sort order (enumsortorder, not oid). PostgreSQL 13-18.
-- $1: schema names (text[]). Types that belong to an extension are left out.
SELECT n.nspname AS schema_name,
       t.typname AS type_name,
       coalesce(array_agg(e.enumlabel ORDER BY e.enumsortorder) FILTER (WHERE e.enumlabel IS NOT NULL),
                '{}') AS labels,
       pg_catalog.obj_description(t.oid, 'pg_type') AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE t.typtype = 'e'
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND x.objid = t.oid AND x.deptype = 'e')
GROUP BY n.nspname, t.typname, t.oid
ORDER BY n.nspname COLLATE "C", t.typname COLLATE "C"
