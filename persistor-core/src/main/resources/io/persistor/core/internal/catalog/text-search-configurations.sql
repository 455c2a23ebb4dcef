-- Text search configurations of the requested schemas, except those of extensions. PostgreSQL 13-18.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       c.cfgname AS configuration_name,
       pg_catalog.quote_ident(pn.nspname) || '.' || pg_catalog.quote_ident(p.prsname) AS parser,
       pg_catalog.obj_description(c.oid, 'pg_ts_config') AS comment
FROM pg_catalog.pg_ts_config c
JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
JOIN pg_catalog.pg_ts_parser p ON p.oid = c.cfgparser
JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_ts_config'::pg_catalog.regclass AND x.objid = c.oid AND x.deptype = 'e')
ORDER BY n.nspname COLLATE "C", c.cfgname COLLATE "C"
