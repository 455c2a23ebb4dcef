-- Extensions the requested schemas need: those installed into them, and those installed elsewhere whose objects
-- (types, functions, operator classes, text search templates...) objects of the requested schemas depend on. PostgreSQL 13-18.
-- The comment is left out when it is the control file's, which CREATE EXTENSION sets anyway. Whether only a
-- superuser may create it comes from its control file too (trusted and superuser, PostgreSQL 13+).
-- $1: schema names (text[]).
WITH requested AS (
    SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)
),
-- The objects of each extension: its members, and what belongs to a member (the array type of its type).
members AS (
    SELECT classid, objid, refobjid AS extension
    FROM pg_catalog.pg_depend
    WHERE deptype = 'e' AND refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
    UNION ALL
    SELECT i.classid, i.objid, m.refobjid
    FROM pg_catalog.pg_depend i
    JOIN pg_catalog.pg_depend m
      ON m.classid = i.refclassid AND m.objid = i.refobjid AND m.deptype = 'e'
     AND m.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
    WHERE i.deptype = 'i'
),
used AS (
    SELECT m.extension
    FROM pg_catalog.pg_depend d
    JOIN members m ON m.classid = d.refclassid AND m.objid = d.refobjid
    LEFT JOIN pg_catalog.pg_class c ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.oid = d.objid
    LEFT JOIN pg_catalog.pg_type t ON d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = d.objid
    LEFT JOIN pg_catalog.pg_proc p ON d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.oid = d.objid
    LEFT JOIN pg_catalog.pg_attrdef ad ON d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND ad.oid = d.objid
    LEFT JOIN pg_catalog.pg_class adc ON adc.oid = ad.adrelid
    LEFT JOIN pg_catalog.pg_constraint k ON d.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND k.oid = d.objid
    LEFT JOIN pg_catalog.pg_ts_dict td ON d.classid = 'pg_catalog.pg_ts_dict'::pg_catalog.regclass AND td.oid = d.objid
    LEFT JOIN pg_catalog.pg_ts_config tc ON d.classid = 'pg_catalog.pg_ts_config'::pg_catalog.regclass AND tc.oid = d.objid
    WHERE d.deptype IN ('n', 'a')
      AND coalesce(c.relnamespace, t.typnamespace, p.pronamespace, adc.relnamespace, k.connamespace,
                   td.dictnamespace, tc.cfgnamespace)
          IN (SELECT oid FROM requested)
)
SELECT e.extname AS extension_name,
       n.nspname AS schema_name,
       NULLIF(pg_catalog.obj_description(e.oid, 'pg_extension'), a.comment) AS comment,
       coalesce(v.superuser AND NOT v.trusted, false) AS needs_superuser
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
LEFT JOIN pg_catalog.pg_available_extensions a ON a.name = e.extname
LEFT JOIN pg_catalog.pg_available_extension_versions v ON v.name = e.extname AND v.version = e.extversion
WHERE (e.extnamespace IN (SELECT oid FROM requested) OR e.oid IN (SELECT extension FROM used))
  AND e.extname <> 'plpgsql'
ORDER BY e.extname COLLATE "C"
