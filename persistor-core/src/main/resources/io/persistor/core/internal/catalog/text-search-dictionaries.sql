-- Text search dictionaries of the requested schemas, except those of extensions. PostgreSQL 13-18.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       d.dictname AS dictionary_name,
       pg_catalog.quote_ident(tn.nspname) || '.' || pg_catalog.quote_ident(t.tmplname) AS template,
       d.dictinitoption AS options,
       pg_catalog.obj_description(d.oid, 'pg_ts_dict') AS comment
FROM pg_catalog.pg_ts_dict d
JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace
JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.tmplnamespace
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_ts_dict'::pg_catalog.regclass AND x.objid = d.oid AND x.deptype = 'e')
ORDER BY n.nspname COLLATE "C", d.dictname COLLATE "C"
