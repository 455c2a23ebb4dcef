-- Collations of the requested schemas. PostgreSQL 13-18: an ICU locale lives in collcollate up to 14,
-- colliculocale in 15 and 16, colllocale from 17 ({{collation_locale}}); ICU rules from 16 ({{collation_rules}}).
-- lc_collate and lc_ctype are a libc collation's only: up to 14 an ICU one repeats its locale there.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       c.collname AS collation_name,
       CASE c.collprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin' END AS provider,
       CASE WHEN c.collprovider = 'c' THEN c.collcollate END AS collate,
       CASE WHEN c.collprovider = 'c' THEN c.collctype END AS ctype,
       {{collation_locale}} AS locale,
       {{collation_rules}} AS rules,
       c.collisdeterministic AS deterministic,
       pg_catalog.obj_description(c.oid, 'pg_collation') AS comment
FROM pg_catalog.pg_collation c
JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
WHERE n.nspname = ANY (?)
  AND c.collprovider IN ('c', 'i', 'b')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_collation'::pg_catalog.regclass AND x.objid = c.oid AND x.deptype = 'e')
ORDER BY n.nspname COLLATE "C", c.collname COLLATE "C"
