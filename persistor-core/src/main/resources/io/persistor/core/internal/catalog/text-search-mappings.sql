-- The token type mappings of the text search configurations of the requested schemas, in the parser's token order;
-- dictionaries are named as regdictionary prints them (qualified unless in pg_catalog: the reader's search_path is
-- empty). PostgreSQL 13-18.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       c.cfgname AS configuration_name,
       t.alias AS token_type,
       pg_catalog.array_agg(m.mapdict::pg_catalog.regdictionary::pg_catalog.text ORDER BY m.mapseqno) AS dictionaries
FROM pg_catalog.pg_ts_config c
JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
JOIN pg_catalog.pg_ts_config_map m ON m.mapcfg = c.oid
JOIN LATERAL pg_catalog.ts_token_type(c.cfgparser) t ON t.tokid = m.maptokentype
WHERE n.nspname = ANY (?)
GROUP BY n.nspname, c.cfgname, t.tokid, t.alias
ORDER BY n.nspname COLLATE "C", c.cfgname COLLATE "C", t.tokid
