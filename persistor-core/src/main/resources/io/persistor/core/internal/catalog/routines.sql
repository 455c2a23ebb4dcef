-- Functions, procedures and aggregates of the requested schemas. PostgreSQL 13-18.
-- Functions and procedures come as pg_get_functiondef renders them; aggregates as their pg_aggregate parts.
-- Routines of extensions (deptype 'e') and those a type creates itself, such as range constructors ('i'), are left out.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       p.proname AS routine_name,
       pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity_arguments,
       p.prokind AS kind,
       CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END AS definition,
       p.prosrc AS source,
       (SELECT l.lanname FROM pg_catalog.pg_language l WHERE l.oid = p.prolang) AS language,
       pg_catalog.pg_get_function_arguments(p.oid) AS arguments,
       a.aggkind,
       a.aggtransfn::pg_catalog.regproc::text AS sfunc,
       pg_catalog.format_type(a.aggtranstype, NULL) AS stype,
       a.aggtransspace AS sspace,
       NULLIF(a.aggfinalfn, 0)::pg_catalog.regproc::text AS finalfunc,
       a.aggfinalextra AS finalfunc_extra,
       a.aggfinalmodify AS finalfunc_modify,
       NULLIF(a.aggcombinefn, 0)::pg_catalog.regproc::text AS combinefunc,
       NULLIF(a.aggserialfn, 0)::pg_catalog.regproc::text AS serialfunc,
       NULLIF(a.aggdeserialfn, 0)::pg_catalog.regproc::text AS deserialfunc,
       a.agginitval AS initcond,
       NULLIF(a.aggmtransfn, 0)::pg_catalog.regproc::text AS msfunc,
       NULLIF(a.aggminvtransfn, 0)::pg_catalog.regproc::text AS minvfunc,
       CASE WHEN a.aggmtranstype <> 0 THEN pg_catalog.format_type(a.aggmtranstype, NULL) END AS mstype,
       a.aggmtransspace AS msspace,
       NULLIF(a.aggmfinalfn, 0)::pg_catalog.regproc::text AS mfinalfunc,
       a.aggmfinalextra AS mfinalfunc_extra,
       a.aggmfinalmodify AS mfinalfunc_modify,
       a.aggminitval AS minitcond,
       CASE WHEN a.aggsortop <> 0 THEN
           (SELECT 'OPERATOR(' || pg_catalog.quote_ident(opn.nspname) || '.' || o.oprname || ')'
            FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace opn ON opn.oid = o.oprnamespace
            WHERE o.oid = a.aggsortop) END AS sortop,
       p.proparallel AS parallel,
       pg_catalog.obj_description(p.oid, 'pg_proc') AS comment
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND x.objid = p.oid
                    AND x.deptype IN ('e', 'i'))
ORDER BY n.nspname COLLATE "C", p.proname COLLATE "C", pg_catalog.pg_get_function_identity_arguments(p.oid) COLLATE "C"
