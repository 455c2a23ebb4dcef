-- Live columns of the tables, views and materialized views of the requested schemas, in position order.
-- PostgreSQL 13-18: attgenerated 's' (stored) from 12, 'v' (virtual) from 18; attcompression from 14
-- ({{column_compression}}); NOT NULL constraints have names from 18; attstattarget is -1 by default up to 16, NULL
-- from 17. The session's search_path is empty, so
-- names come back qualified.
-- $1: schema names (text[]).
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       a.attname AS column_name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS data_type,
       a.attnotnull AND NOT {{not_null_apart}} AS not_null,
       CASE WHEN NOT {{not_null_apart}} THEN {{not_null_name}} END AS not_null_name,
       CASE WHEN NOT {{not_null_apart}} THEN {{not_null_comment}} END AS not_null_comment,
       {{not_null_local}} AS not_null_local,
       pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS default_expression,
       a.attidentity AS identity,
       a.attgenerated AS generated,
       CASE WHEN a.attcollation <> t.typcollation THEN
           (SELECT pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)
            FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
            WHERE co.oid = a.attcollation) END AS collation,
       CASE WHEN a.attstorage <> t.typstorage THEN
           CASE a.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END
       END AS storage,
       CASE {{column_compression}} WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END AS compression,
       CASE WHEN a.attstattarget >= 0 THEN a.attstattarget::pg_catalog.int4 END AS statistics_target,
       pg_catalog.array_to_string(a.attoptions, ', ') AS options,
       a.attislocal AS local,
       dsc.description AS comment
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_description dsc
       ON dsc.objoid = a.attrelid AND dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dsc.objsubid = a.attnum
WHERE c.relkind IN ('r', 'p', 'v', 'm')
  AND n.nspname = ANY (?)
  AND a.attnum > 0
  AND NOT a.attisdropped
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", a.attnum
