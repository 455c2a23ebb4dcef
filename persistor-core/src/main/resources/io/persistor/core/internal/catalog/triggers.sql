-- User triggers of the tables and views of the requested schemas. A partition's copy of its parent's trigger
-- (tgparentid, PostgreSQL 13+) comes with the parent's; it is read, as inherited, only when its firing state
-- differs from its parent's or it has a comment. PostgreSQL 13-18.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       t.tgname AS trigger_name,
       pg_catalog.pg_get_triggerdef(t.oid) AS definition,
       t.tgenabled AS enabled,
       pg_catalog.obj_description(t.oid, 'pg_trigger') AS comment,
       t.tgparentid <> 0 AS inherited
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_trigger p ON p.oid = t.tgparentid
WHERE NOT t.tgisinternal
  AND (t.tgparentid = 0 OR t.tgenabled <> p.tgenabled OR pg_catalog.obj_description(t.oid, 'pg_trigger') IS NOT NULL)
  AND n.nspname = ANY (?)
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", t.tgname COLLATE "C"
