-- Casts that convert from or to a type of the requested schemas, with a function, through text (WITH INOUT) or
-- binary-coercible (WITHOUT FUNCTION); casts an extension created and those a range type made for its multirange
-- are left out.
-- PostgreSQL 13-18. $1: schema names (text[]).
WITH requested AS (
    SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)
)
SELECT pg_catalog.format_type(k.castsource, NULL) AS source_type,
       pg_catalog.format_type(k.casttarget, NULL) AS target_type,
       CASE WHEN k.castmethod = 'f' THEN k.castfunc::pg_catalog.regprocedure::text END AS function,
       k.castcontext AS context,
       k.castmethod AS method,
       pg_catalog.obj_description(k.oid, 'pg_cast') AS comment
FROM pg_catalog.pg_cast k
JOIN pg_catalog.pg_type s ON s.oid = k.castsource
JOIN pg_catalog.pg_type t ON t.oid = k.casttarget
WHERE k.oid >= 16384
  AND (s.typnamespace IN (SELECT oid FROM requested) OR t.typnamespace IN (SELECT oid FROM requested))
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_cast'::pg_catalog.regclass AND x.objid = k.oid
                    AND x.deptype IN ('e', 'i'))
ORDER BY 1, 2
