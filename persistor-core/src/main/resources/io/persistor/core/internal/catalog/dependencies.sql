-- Which objects of the requested schemas need which others, from pg_depend. PostgreSQL 13-18 (subscripting
-- handlers from 14: {{type_subscript}}).
-- Both ends are reduced to the objects a script creates: an array type stands for its element, a table's row type for
-- the table, a multirange ({{range_multirange}} from 14) for its range. A need of one part of a table (a column's
-- type, a default or generation expression, a constraint, index, trigger, policy, rule or statistics object) stands
-- for the table, with part and part_name saying which; a view's query and a domain's checks stand for the view or
-- domain. referenced_column names the column of a referenced table or view when the need is on one column only.
-- OWNED BY links (a sequence on its column) are not needs.
-- $1: schema names (text[]).
WITH requested AS (
    SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)
),
objects AS (
    SELECT 'pg_catalog.pg_class'::pg_catalog.regclass AS classid, c.oid AS objid, 'RELATION' AS kind,
           n.nspname AS schema_name, c.relname AS object_name, '' AS arguments
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relnamespace IN (SELECT oid FROM requested)
    UNION ALL
    SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, 'TYPE', n.nspname, t.typname, ''
    FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
    WHERE (t.typtype IN ('e', 'd', 'r', 'b') OR c.relkind = 'c' OR (t.typtype = 'p' AND NOT t.typisdefined))
      AND t.typnamespace IN (SELECT oid FROM requested)
    UNION ALL
    SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid, 'ROUTINE', n.nspname, p.proname,
           pg_catalog.pg_get_function_identity_arguments(p.oid)
    FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE p.pronamespace IN (SELECT oid FROM requested)
    UNION ALL
    SELECT 'pg_catalog.pg_operator'::pg_catalog.regclass, o.oid, 'OPERATOR', n.nspname, o.oprname,
           coalesce(pg_catalog.format_type(NULLIF(o.oprleft, 0), NULL), 'NONE') || ', '
           || pg_catalog.format_type(o.oprright, NULL)
    FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
    WHERE o.oprnamespace IN (SELECT oid FROM requested)
    UNION ALL
    SELECT 'pg_catalog.pg_cast'::pg_catalog.regclass, k.oid, 'CAST', '', '',
           pg_catalog.format_type(k.castsource, NULL) || ' AS ' || pg_catalog.format_type(k.casttarget, NULL)
    FROM pg_catalog.pg_cast k
    WHERE k.oid >= 16384
),
type_base AS (
    SELECT t.oid AS type_oid,
           CASE WHEN c.relkind IS NOT NULL AND c.relkind <> 'c' THEN 'pg_catalog.pg_class'::pg_catalog.regclass
                ELSE 'pg_catalog.pg_type'::pg_catalog.regclass END AS owner_class,
           CASE WHEN c.relkind IS NOT NULL AND c.relkind <> 'c' THEN c.oid
                WHEN t.typtype = 'm' THEN (SELECT r.rngtypid FROM pg_catalog.pg_range r WHERE {{range_multirange}} = t.oid)
                ELSE t.oid END AS owner_oid
    FROM pg_catalog.pg_type t
    LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
    WHERE t.typnamespace IN (SELECT oid FROM requested)
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.typarray = t.oid)
),
type_owner AS (
    SELECT type_oid, owner_class, owner_oid FROM type_base
    UNION ALL
    SELECT a.oid, b.owner_class, b.owner_oid
    FROM pg_catalog.pg_type a JOIN type_base b ON b.type_oid = a.typelem
    WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.typarray = a.oid)
),
raw AS (
    SELECT CASE WHEN d.classid IN ('pg_catalog.pg_attrdef'::pg_catalog.regclass, 'pg_catalog.pg_rewrite'::pg_catalog.regclass,
                                   'pg_catalog.pg_trigger'::pg_catalog.regclass, 'pg_catalog.pg_policy'::pg_catalog.regclass,
                                   'pg_catalog.pg_statistic_ext'::pg_catalog.regclass)
                     OR sc.relkind IN ('i', 'I') THEN 'pg_catalog.pg_class'::pg_catalog.regclass
                WHEN d.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass THEN
                   CASE WHEN k.conrelid <> 0 THEN 'pg_catalog.pg_class'::pg_catalog.regclass
                        ELSE 'pg_catalog.pg_type'::pg_catalog.regclass END
               ELSE d.classid END AS from_class,
           CASE d.classid
               WHEN 'pg_catalog.pg_attrdef'::pg_catalog.regclass THEN ad.adrelid
               WHEN 'pg_catalog.pg_rewrite'::pg_catalog.regclass THEN rw.ev_class
               WHEN 'pg_catalog.pg_trigger'::pg_catalog.regclass THEN tg.tgrelid
               WHEN 'pg_catalog.pg_policy'::pg_catalog.regclass THEN po.polrelid
               WHEN 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass THEN st.stxrelid
               WHEN 'pg_catalog.pg_constraint'::pg_catalog.regclass THEN
                   CASE WHEN k.conrelid <> 0 THEN k.conrelid ELSE k.contypid END
               ELSE coalesce(ix.indrelid, d.objid) END AS from_oid,
           d.refclassid AS to_class,
           d.refobjid AS to_oid,
           CASE WHEN d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass THEN 'DEFAULT'
                WHEN rw.oid IS NOT NULL AND rw.rulename <> '_RETURN' THEN 'RULE'
                WHEN k.contype = 'c' THEN 'CHECK'
                WHEN k.oid IS NOT NULL AND k.conrelid <> 0 THEN 'KEY'
                WHEN tg.oid IS NOT NULL THEN 'TRIGGER'
                WHEN po.oid IS NOT NULL THEN 'POLICY'
                WHEN st.oid IS NOT NULL THEN 'STATISTICS'
                WHEN ix.indexrelid IS NOT NULL THEN 'INDEX'
                WHEN sc.relkind IN ('r', 'p', 'f') AND d.objsubid > 0 THEN 'COLUMN'
                ELSE 'DEFINITION' END AS part,
           -- Column names are looked up for the few rows that need one, rather than joined for all.
           coalesce(CASE WHEN ad.oid IS NOT NULL THEN
                        (SELECT a.attname FROM pg_catalog.pg_attribute a
                         WHERE a.attrelid = ad.adrelid AND a.attnum = ad.adnum) END,
                    CASE WHEN rw.rulename <> '_RETURN' THEN rw.rulename END, k.conname, tg.tgname,
                    po.polname, st.stxname, CASE WHEN ix.indexrelid IS NOT NULL THEN sc.relname END,
                    CASE WHEN sc.relkind IN ('r', 'p', 'f') AND d.objsubid > 0 THEN
                        (SELECT sa.attname FROM pg_catalog.pg_attribute sa
                         WHERE sa.attrelid = d.objid AND sa.attnum = d.objsubid) END) AS part_name,
           CASE WHEN d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjsubid > 0 THEN
               (SELECT ra.attname FROM pg_catalog.pg_attribute ra
                WHERE ra.attrelid = d.refobjid AND ra.attnum = d.refobjsubid)
           END AS referenced_column
    FROM pg_catalog.pg_depend d
    LEFT JOIN pg_catalog.pg_attrdef ad
           ON d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND ad.oid = d.objid
    LEFT JOIN pg_catalog.pg_rewrite rw
           ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND rw.oid = d.objid
    LEFT JOIN pg_catalog.pg_constraint k
           ON d.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND k.oid = d.objid
    LEFT JOIN pg_catalog.pg_trigger tg
           ON d.classid = 'pg_catalog.pg_trigger'::pg_catalog.regclass AND tg.oid = d.objid
    LEFT JOIN pg_catalog.pg_policy po
           ON d.classid = 'pg_catalog.pg_policy'::pg_catalog.regclass AND po.oid = d.objid
    LEFT JOIN pg_catalog.pg_statistic_ext st
           ON d.classid = 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass AND st.oid = d.objid
    LEFT JOIN pg_catalog.pg_class sc
           ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND sc.oid = d.objid
    LEFT JOIN pg_catalog.pg_index ix ON sc.relkind IN ('i', 'I') AND ix.indexrelid = sc.oid
    WHERE d.deptype IN ('n', 'a')
      AND d.refclassid IN ('pg_catalog.pg_class'::pg_catalog.regclass, 'pg_catalog.pg_type'::pg_catalog.regclass,
                           'pg_catalog.pg_proc'::pg_catalog.regclass, 'pg_catalog.pg_operator'::pg_catalog.regclass)
      AND NOT (d.deptype = 'a' AND sc.relkind = 'S')
      -- An index, trigger or statistics object needs the columns of its own table automatically: no need.
      AND NOT (d.deptype = 'a' AND (ix.indexrelid IS NOT NULL OR tg.oid IS NOT NULL OR st.oid IS NOT NULL
                                    OR po.oid IS NOT NULL))
),
resolved AS (
    SELECT coalesce(ft.owner_class, CASE WHEN fc.relkind = 'c' THEN 'pg_catalog.pg_type'::pg_catalog.regclass END,
                    r.from_class) AS from_class,
           coalesce(ft.owner_oid, CASE WHEN fc.relkind = 'c' THEN fc.reltype END, r.from_oid) AS from_oid,
           coalesce(tt.owner_class, CASE WHEN tc.relkind = 'c' THEN 'pg_catalog.pg_type'::pg_catalog.regclass END,
                    r.to_class) AS to_class,
           coalesce(tt.owner_oid, CASE WHEN tc.relkind = 'c' THEN tc.reltype END, r.to_oid) AS to_oid,
           r.part, r.part_name, r.referenced_column
    FROM raw r
    LEFT JOIN type_owner ft ON r.from_class = 'pg_catalog.pg_type'::pg_catalog.regclass AND ft.type_oid = r.from_oid
    LEFT JOIN pg_catalog.pg_class fc ON r.from_class = 'pg_catalog.pg_class'::pg_catalog.regclass AND fc.oid = r.from_oid
    LEFT JOIN type_owner tt ON r.to_class = 'pg_catalog.pg_type'::pg_catalog.regclass AND tt.type_oid = r.to_oid
    LEFT JOIN pg_catalog.pg_class tc ON r.to_class = 'pg_catalog.pg_class'::pg_catalog.regclass AND tc.oid = r.to_oid
)
SELECT DISTINCT f.kind AS dependent_kind, f.schema_name AS dependent_schema, f.object_name AS dependent_name,
       f.arguments AS dependent_arguments,
       t.kind AS referenced_kind, t.schema_name AS referenced_schema, t.object_name AS referenced_name,
       t.arguments AS referenced_arguments,
       x.part, x.part_name, x.referenced_column
FROM resolved x
JOIN objects f ON f.classid = x.from_class AND f.objid = x.from_oid
JOIN objects t ON t.classid = x.to_class AND t.objid = x.to_oid
WHERE (f.classid, f.objid) <> (t.classid, t.objid)
  -- A base type's input, output and other support functions need only its shell, which is created first.
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t
                  WHERE x.from_class = 'pg_catalog.pg_proc'::pg_catalog.regclass
                    AND x.to_class = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = x.to_oid
                    AND x.from_oid IN (t.typinput, t.typoutput, t.typreceive, t.typsend, t.typmodin, t.typmodout,
                                       t.typanalyze, {{type_subscript}}))
ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
