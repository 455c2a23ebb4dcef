-- What restoring the requested schemas' objects needs beyond a database owner's rights: routines in untrusted
-- languages, LEAKPROOF functions, aggregates whose state type is internal, routines that SET a parameter only a
-- superuser may set, base types, extensions only a superuser may create. Extension members aside (the extension
-- brings them). PostgreSQL 13-18.
-- parameter: the parameter a SET ON PARAMETER grant (PostgreSQL 15+) would lift the need with, else NULL (superuser);
-- skipped: whether the script guards the object, so that another role skips it with a warning instead of failing.
-- routine_*: the routine the need is about, if it is one.
-- $1: schema names (text[]).
WITH requested AS (
    SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)
),
routines AS (
    SELECT p.*, n.nspname, pg_catalog.pg_describe_object('pg_catalog.pg_proc'::pg_catalog.regclass, p.oid, 0) AS object
    FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE p.pronamespace IN (SELECT oid FROM requested)
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                      AND x.objid = p.oid AND x.deptype = 'e')
)
SELECT r.object, 'its language ' || l.lanname || ' is untrusted' AS reason, NULL::text AS parameter, false AS skipped,
       r.nspname AS routine_schema, r.proname AS routine_name,
       pg_catalog.pg_get_function_identity_arguments(r.oid) AS routine_arguments
FROM routines r JOIN pg_catalog.pg_language l ON l.oid = r.prolang
WHERE NOT l.lanpltrusted AND r.prokind <> 'a'
UNION ALL
SELECT r.object, 'it is LEAKPROOF', NULL, false, r.nspname, r.proname, pg_catalog.pg_get_function_identity_arguments(r.oid)
FROM routines r
WHERE r.proleakproof
UNION ALL
SELECT r.object, 'its state type is internal', NULL, false, r.nspname, r.proname,
       pg_catalog.pg_get_function_identity_arguments(r.oid)
FROM routines r JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = r.oid
WHERE a.aggtranstype = 'pg_catalog.internal'::pg_catalog.regtype
UNION ALL
SELECT r.object, 'it sets ' || s.name || ', which only a superuser may set', s.name, false, r.nspname, r.proname,
       pg_catalog.pg_get_function_identity_arguments(r.oid)
FROM routines r
CROSS JOIN LATERAL pg_catalog.unnest(r.proconfig) AS c(setting)
JOIN pg_catalog.pg_settings s ON s.name = pg_catalog.lower(pg_catalog.split_part(c.setting, '=', 1))
WHERE s.context = 'superuser'
UNION ALL
SELECT pg_catalog.pg_describe_object('pg_catalog.pg_type'::pg_catalog.regclass, t.oid, 0),
       'only a superuser may define a base type', NULL, true, NULL, NULL, NULL
FROM pg_catalog.pg_type t
WHERE t.typnamespace IN (SELECT oid FROM requested) AND t.typtype = 'b'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.typarray = t.oid)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
                  AND x.objid = t.oid AND x.deptype = 'e')
ORDER BY 1, 2
