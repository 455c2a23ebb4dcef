-- User triggers of the tables and views of the requested schemas; triggers a partition inherits from its
-- parent (tgparentid, PostgreSQL 13+) come with the parent's. PostgreSQL 13-18.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       t.tgname AS trigger_name,
       pg_catalog.pg_get_triggerdef(t.oid) AS definition,
       t.tgenabled AS enabled,
       pg_catalog.obj_description(t.oid, 'pg_trigger') AS comment
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal
  AND t.tgparentid = 0
  AND n.nspname = ANY (?)
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", t.tgname COLLATE "C"
