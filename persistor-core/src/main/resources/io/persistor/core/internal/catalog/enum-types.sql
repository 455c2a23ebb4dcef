-- Enum types of the requested schemas, labels in sort order. PostgreSQL 13-18.
-- $1: schema names (text[]). Types that belong to an extension are left out.
SELECT n.nspname AS schema_name,
       t.typname AS type_name,
       array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND x.objid = t.oid AND x.deptype = 'e')
GROUP BY n.nspname, t.typname
ORDER BY n.nspname COLLATE "C", t.typname COLLATE "C"
