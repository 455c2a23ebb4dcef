-- Objects that a backup does not recreate, with the reason: foreign tables, operator classes and families and
-- conversions of the requested schemas, and casts involving their functions but none of their types, or
-- binary-coercible ones (extension members aside: the extension brings them); the database's publications and event
-- triggers, which belong to no schema; and the objects of the requested schemas that need objects of other, unrequested schemas.
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
SELECT 'foreign table ' || c.oid::pg_catalog.regclass::text
       || ': foreign tables need a foreign server, which only a superuser can create' AS reason
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'f'
  AND n.oid IN (SELECT oid FROM requested)
UNION ALL
SELECT CASE WHEN f.classid = 'pg_catalog.pg_opclass'::pg_catalog.regclass THEN 'operator class ' ELSE 'operator family ' END
       || pg_catalog.quote_ident(f.schema_name) || '.' || pg_catalog.quote_ident(f.object_name) || ' using '
       || f.method || ': operator classes and families need a superuser and are not backed up'
FROM (SELECT 'pg_catalog.pg_opclass'::pg_catalog.regclass AS classid, c.oid, n.oid AS nsp, n.nspname AS schema_name,
             c.opcname AS object_name, a.amname AS method
      FROM pg_catalog.pg_opclass c JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace
      JOIN pg_catalog.pg_am a ON a.oid = c.opcmethod
      UNION ALL
      SELECT 'pg_catalog.pg_opfamily'::pg_catalog.regclass, f.oid, n.oid, n.nspname, f.opfname, a.amname
      FROM pg_catalog.pg_opfamily f JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
      JOIN pg_catalog.pg_am a ON a.oid = f.opfmethod) f
WHERE f.nsp IN (SELECT oid FROM requested)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = f.classid AND x.objid = f.oid
                  AND x.deptype IN ('e', 'i', 'a'))
UNION ALL
SELECT 'conversion ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(v.conname)
       || ': conversions are not backed up'
FROM pg_catalog.pg_conversion v
JOIN pg_catalog.pg_namespace n ON n.oid = v.connamespace
WHERE n.oid IN (SELECT oid FROM requested)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_catalog.pg_conversion'::pg_catalog.regclass
                  AND x.objid = v.oid AND x.deptype = 'e')
UNION ALL
SELECT 'cast (' || pg_catalog.format_type(k.castsource, NULL) || ' AS ' || pg_catalog.format_type(k.casttarget, NULL)
       || CASE WHEN k.castmethod = 'b' THEN '): binary-coercible casts need a superuser'
               ELSE '): neither of its types is in this backup, and only their owner may create it' END
FROM pg_catalog.pg_cast k
WHERE k.oid >= 16384
  AND (k.castmethod = 'b'
       OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t
                      WHERE t.oid IN (k.castsource, k.casttarget) AND t.typnamespace IN (SELECT oid FROM requested)))
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
UNION ALL
SELECT 'publication ' || pg_catalog.quote_ident(p.pubname) || ': publications are not backed up'
FROM pg_catalog.pg_publication p
UNION ALL
SELECT 'event trigger ' || pg_catalog.quote_ident(e.evtname)
       || ': event triggers need a superuser and are not backed up'
FROM pg_catalog.pg_event_trigger e
ORDER BY 1
