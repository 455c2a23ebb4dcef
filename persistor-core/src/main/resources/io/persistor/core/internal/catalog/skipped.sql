-- Objects that a backup does not recreate, with the reason: casts involving the requested schemas' functions but
-- none of their types (extension members aside: the extension brings them); and the objects of the requested
-- schemas that need objects of other, unrequested schemas.
-- PostgreSQL 13-18. $1: schema names (text[]).
WITH requested AS (
    SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)
),
-- The schema of each relation, type, routine, constraint, default and rule, for the ends of dependencies; a view's
-- own rule is shown as the view.
homes AS (
    SELECT 'pg_catalog.pg_class'::pg_catalog.regclass AS classid, oid AS objid, relnamespace AS nsp,
           NULL::pg_catalog.oid AS relation
    FROM pg_catalog.pg_class
    UNION ALL
    SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, oid, typnamespace, NULL FROM pg_catalog.pg_type
    UNION ALL
    SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, oid, pronamespace, NULL FROM pg_catalog.pg_proc
    UNION ALL
    SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, oid, connamespace, NULL FROM pg_catalog.pg_constraint
    WHERE contype <> 'f'
    UNION ALL
    SELECT 'pg_catalog.pg_attrdef'::pg_catalog.regclass, d.oid, c.relnamespace, NULL
    FROM pg_catalog.pg_attrdef d JOIN pg_catalog.pg_class c ON c.oid = d.adrelid
    UNION ALL
    SELECT 'pg_catalog.pg_rewrite'::pg_catalog.regclass, r.oid, c.relnamespace,
           CASE WHEN r.rulename = '_RETURN' THEN r.ev_class END
    FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
)
SELECT 'cast (' || pg_catalog.format_type(k.castsource, NULL) || ' AS ' || pg_catalog.format_type(k.casttarget, NULL)
       || '): neither of its types is in this backup, and only their owner may create it' AS reason
FROM pg_catalog.pg_cast k
WHERE k.oid >= 16384
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t
                  WHERE t.oid IN (k.castsource, k.casttarget) AND t.typnamespace IN (SELECT oid FROM requested))
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_catalog.pg_cast'::pg_catalog.regclass
                  AND x.objid = k.oid AND x.deptype IN ('e', 'i'))
  AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend x JOIN pg_catalog.pg_namespace n
                  ON n.oid = CASE x.refclassid WHEN 'pg_catalog.pg_type'::pg_catalog.regclass
                                 THEN (SELECT typnamespace FROM pg_catalog.pg_type WHERE oid = x.refobjid)
                                 WHEN 'pg_catalog.pg_proc'::pg_catalog.regclass
                                 THEN (SELECT pronamespace FROM pg_catalog.pg_proc WHERE oid = x.refobjid) END
              WHERE x.classid = 'pg_catalog.pg_cast'::pg_catalog.regclass AND x.objid = k.oid
                AND n.oid IN (SELECT oid FROM requested))
UNION ALL
SELECT DISTINCT pg_catalog.pg_describe_object(d.refclassid, d.refobjid, 0) || ' from schema '
       || pg_catalog.quote_ident(rn.nspname) || ', which '
       || CASE WHEN dh.relation IS NOT NULL
               THEN pg_catalog.pg_describe_object('pg_catalog.pg_class'::pg_catalog.regclass, dh.relation, 0)
               ELSE pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid) END
       || ' needs: restore into a database that has it'
FROM pg_catalog.pg_depend d
JOIN homes dh ON dh.classid = d.classid AND dh.objid = d.objid
JOIN homes rh ON rh.classid = d.refclassid AND rh.objid = d.refobjid
JOIN pg_catalog.pg_namespace rn ON rn.oid = rh.nsp
WHERE d.deptype = 'n'
  AND dh.nsp IN (SELECT oid FROM requested)
  AND rh.nsp NOT IN (SELECT oid FROM requested)
  AND rn.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = d.refclassid AND x.objid = d.refobjid AND x.deptype = 'e')
  -- nor what belongs to an extension's member, such as the array type of its type
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i
                  JOIN pg_catalog.pg_depend x ON x.classid = i.refclassid AND x.objid = i.refobjid AND x.deptype = 'e'
                  WHERE i.classid = d.refclassid AND i.objid = d.refobjid AND i.deptype = 'i')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = d.classid AND x.objid = d.objid AND x.deptype = 'e')
ORDER BY 1
