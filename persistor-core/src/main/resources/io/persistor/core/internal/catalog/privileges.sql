-- Owners and access privileges of the objects of the requested schemas, one row per grant (or one row without a
-- grant when the ACL is NULL, i.e. the defaults), grants in the ACL's own order. PostgreSQL 13-18.
-- $1: schema names (text[]).
WITH requested AS (
    SELECT oid, nspname, nspowner, nspacl FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)
),
objects AS (
    SELECT 'SCHEMA' AS kind, n.nspname AS schema_name, n.nspname AS object_name, '' AS arguments,
           n.nspowner AS owner, n.nspacl AS acl, NULL::pg_catalog.name AS column_name, 0 AS sort
    FROM requested n
    UNION ALL
    SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
           n.nspname, c.relname, '', c.relowner, c.relacl, NULL, 1
    FROM pg_catalog.pg_class c JOIN requested n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                      WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND x.objid = c.oid
                        AND x.deptype IN ('e', 'i'))
    UNION ALL
    SELECT 'COLUMN', n.nspname, c.relname, '', c.relowner, a.attacl, a.attname, 2
    FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
    JOIN requested n ON n.oid = c.relnamespace
    WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
    UNION ALL
    SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, n.nspname, t.typname, '', t.typowner, t.typacl,
           NULL, 3
    FROM pg_catalog.pg_type t JOIN requested n ON n.oid = t.typnamespace
    LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
    WHERE (t.typtype IN ('e', 'd', 'r', 'b') OR c.relkind = 'c')
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.typarray = t.oid)
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                      WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND x.objid = t.oid AND x.deptype = 'e')
    UNION ALL
    SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
           n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid), p.proowner, p.proacl, NULL, 4
    FROM pg_catalog.pg_proc p JOIN requested n ON n.oid = p.pronamespace
    WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                      WHERE x.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND x.objid = p.oid
                        AND x.deptype IN ('e', 'i'))
),
-- The objects are put in order before their grants are exploded: sorting them by name is cheaper than sorting the
-- many more rows of their grants.
ordered AS (
    SELECT o.*, pg_catalog.row_number() OVER (ORDER BY o.sort, o.schema_name COLLATE "C", o.object_name COLLATE "C",
                                                o.arguments COLLATE "C", o.column_name COLLATE "C") AS ordinal
    FROM objects o
)
SELECT o.kind, o.schema_name, o.object_name, o.arguments, o.column_name,
       pg_catalog.pg_get_userbyid(o.owner) AS owner,
       o.acl IS NULL AS default_acl,
       CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(g.grantee) END AS grantee,
       g.privilege_type,
       g.is_grantable
FROM ordered o
LEFT JOIN LATERAL pg_catalog.aclexplode(o.acl) WITH ORDINALITY
          AS g(grantor, grantee, privilege_type, is_grantable, position) ON true
ORDER BY o.ordinal, g.position
