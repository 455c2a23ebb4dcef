-- Base types of the requested schemas, each with the options of its CREATE TYPE, and shell types never defined
-- (options NULL). Array types come with their element and are not listed. PostgreSQL 13-18; subscripting handlers
-- exist from 14 ({{type_subscript}}).
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       t.typname AS type_name,
       CASE WHEN t.typisdefined THEN pg_catalog.concat_ws(', ',
           'INPUT = ' || t.typinput::pg_catalog.regproc::text,
           'OUTPUT = ' || t.typoutput::pg_catalog.regproc::text,
           'RECEIVE = ' || NULLIF(t.typreceive, 0)::pg_catalog.regproc::text,
           'SEND = ' || NULLIF(t.typsend, 0)::pg_catalog.regproc::text,
           'TYPMOD_IN = ' || NULLIF(t.typmodin, 0)::pg_catalog.regproc::text,
           'TYPMOD_OUT = ' || NULLIF(t.typmodout, 0)::pg_catalog.regproc::text,
           'ANALYZE = ' || NULLIF(t.typanalyze, 0)::pg_catalog.regproc::text,
           'SUBSCRIPT = ' || NULLIF({{type_subscript}}, 0)::pg_catalog.regproc::text,
           'INTERNALLENGTH = ' || CASE WHEN t.typlen = -1 THEN 'variable' ELSE t.typlen::text END,
           CASE WHEN t.typbyval THEN 'PASSEDBYVALUE' END,
           'ALIGNMENT = ' || CASE t.typalign WHEN 'c' THEN 'char' WHEN 's' THEN 'int2' WHEN 'i' THEN 'int4'
                                             ELSE 'double' END,
           'STORAGE = ' || CASE t.typstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external' WHEN 'm' THEN 'main'
                                             ELSE 'extended' END,
           CASE WHEN t.typcategory <> 'U' THEN 'CATEGORY = ' || pg_catalog.quote_literal(t.typcategory::text) END,
           CASE WHEN t.typispreferred THEN 'PREFERRED = true' END,
           'DEFAULT = ' || pg_catalog.quote_literal(t.typdefault),
           CASE WHEN t.typelem <> 0 THEN 'ELEMENT = ' || pg_catalog.format_type(t.typelem, NULL) END,
           CASE WHEN t.typdelim <> ',' THEN 'DELIMITER = ' || pg_catalog.quote_literal(t.typdelim::text) END,
           CASE WHEN t.typcollation <> 0 THEN 'COLLATABLE = true' END) END AS properties,
       pg_catalog.obj_description(t.oid, 'pg_type') AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = ANY (?)
  AND (t.typtype = 'b' OR (t.typtype = 'p' AND NOT t.typisdefined))
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.typarray = t.oid)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND x.objid = t.oid AND x.deptype = 'e')
ORDER BY n.nspname COLLATE "C", t.typname COLLATE "C"
