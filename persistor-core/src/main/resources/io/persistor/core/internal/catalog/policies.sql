-- Row-level security policies of the tables of the requested schemas. PostgreSQL 13-18.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       p.polname AS policy_name,
       p.polpermissive AS permissive,
       CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE'
            ELSE 'ALL' END AS command,
       (SELECT array_agg(CASE WHEN r.role = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(a.rolname) END
                         ORDER BY a.rolname NULLS FIRST)
        FROM unnest(p.polroles) AS r(role) LEFT JOIN pg_catalog.pg_roles a ON a.oid = r.role) AS roles,
       pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expression,
       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expression,
       pg_catalog.obj_description(p.oid, 'pg_policy') AS comment
FROM pg_catalog.pg_policy p
JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (?)
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", p.polname COLLATE "C"
