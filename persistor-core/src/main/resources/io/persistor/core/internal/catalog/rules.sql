-- Rewrite rules of the tables and views of the requested schemas, except views' own _RETURN rules. PostgreSQL 13-18.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       r.rulename AS rule_name,
       pg_catalog.pg_get_ruledef(r.oid) AS definition,
       pg_catalog.obj_description(r.oid, 'pg_rewrite') AS comment
FROM pg_catalog.pg_rewrite r
JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE r.rulename <> '_RETURN'
  AND n.nspname = ANY (?)
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", r.rulename COLLATE "C"
