-- Operators of the requested schemas, except those an extension created and shells (named as a commutator or
-- negator but never defined). Functions and estimators render as regproc does: qualified unless pg_catalog's.
-- PostgreSQL 13-18. $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       o.oprname AS operator_name,
       CASE WHEN o.oprleft <> 0 THEN pg_catalog.format_type(o.oprleft, NULL) END AS left_type,
       pg_catalog.format_type(o.oprright, NULL) AS right_type,
       o.oprcode::pg_catalog.regproc::text AS function,
       (SELECT 'OPERATOR(' || pg_catalog.quote_ident(cn.nspname) || '.' || c.oprname || ')'
        FROM pg_catalog.pg_operator c JOIN pg_catalog.pg_namespace cn ON cn.oid = c.oprnamespace
        WHERE c.oid = o.oprcom) AS commutator,
       (SELECT 'OPERATOR(' || pg_catalog.quote_ident(gn.nspname) || '.' || g.oprname || ')'
        FROM pg_catalog.pg_operator g JOIN pg_catalog.pg_namespace gn ON gn.oid = g.oprnamespace
        WHERE g.oid = o.oprnegate) AS negator,
       CASE WHEN o.oprrest <> 0 THEN o.oprrest::pg_catalog.regproc::text END AS restrict,
       CASE WHEN o.oprjoin <> 0 THEN o.oprjoin::pg_catalog.regproc::text END AS join_estimator,
       o.oprcanhash AS hashes,
       o.oprcanmerge AS merges,
       pg_catalog.obj_description(o.oid, 'pg_operator') AS comment
FROM pg_catalog.pg_operator o
JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
WHERE n.nspname = ANY (?)
  AND o.oprcode <> 0
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_operator'::pg_catalog.regclass AND x.objid = o.oid AND x.deptype = 'e')
ORDER BY n.nspname COLLATE "C", o.oprname COLLATE "C", 3, 4
