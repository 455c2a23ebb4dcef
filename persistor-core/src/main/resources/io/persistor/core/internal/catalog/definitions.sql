-- Objects kept as the statements that recreate them, each with its comment: the requested schemas' conversions and
-- text search parsers and templates (their functions built in); the database's access methods; the transforms (those the
-- requested schemas' types or routines need, the others with the whole database); the operator families and classes
-- of the requested schemas (families first, then classes, then the members families have outside any class); the
-- requested schemas' foreign tables (with their columns' options, checks and comments; a foreign partition or child
-- once the tables exist); the database's foreign-data wrappers, servers, user mappings (with the options the role
-- may see), publications and event triggers; default privileges (a role's own with the whole database, a requested
-- schema's with it). Extension members aside (the extension brings them).
-- PostgreSQL 13-18; publications' column lists, row filters and schemas exist from 15
-- ({{publication_table_extras}}, {{publication_schemas}}).
-- $1: schema names (text[]).
WITH requested AS (
    SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)
),
members AS (
    SELECT 'pg_catalog.pg_opfamily'::pg_catalog.regclass AS classid, f.oid FROM pg_catalog.pg_opfamily f
    UNION ALL SELECT 'pg_catalog.pg_opclass'::pg_catalog.regclass, c.oid FROM pg_catalog.pg_opclass c
    UNION ALL SELECT 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass, w.oid FROM pg_catalog.pg_foreign_data_wrapper w
    UNION ALL SELECT 'pg_catalog.pg_foreign_server'::pg_catalog.regclass, s.oid FROM pg_catalog.pg_foreign_server s
    UNION ALL SELECT 'pg_catalog.pg_event_trigger'::pg_catalog.regclass, e.oid FROM pg_catalog.pg_event_trigger e
    UNION ALL SELECT 'pg_catalog.pg_am'::pg_catalog.regclass, a.oid FROM pg_catalog.pg_am a
    UNION ALL SELECT 'pg_catalog.pg_transform'::pg_catalog.regclass, t.oid FROM pg_catalog.pg_transform t
    UNION ALL SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, c.oid FROM pg_catalog.pg_class c WHERE c.relkind = 'f'
    UNION ALL SELECT 'pg_catalog.pg_conversion'::pg_catalog.regclass, v.oid FROM pg_catalog.pg_conversion v
    UNION ALL SELECT 'pg_catalog.pg_ts_parser'::pg_catalog.regclass, p.oid FROM pg_catalog.pg_ts_parser p
    UNION ALL SELECT 'pg_catalog.pg_ts_template'::pg_catalog.regclass, t.oid FROM pg_catalog.pg_ts_template t
),
-- Options as OPTIONS (...) takes them, or '' when there are none.
options AS (
    SELECT o.list AS list,
           coalesce(' OPTIONS (' || (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(x.option_name) || ' '
                                                                  || pg_catalog.quote_literal(x.option_value), ', ')
                                     FROM pg_catalog.pg_options_to_table(o.list) x) || ')', '') AS clause
    FROM (SELECT ftoptions AS list FROM pg_catalog.pg_foreign_table
          UNION SELECT attfdwoptions FROM pg_catalog.pg_attribute WHERE attfdwoptions IS NOT NULL) o
),
extension_members AS (
    SELECT m.classid, m.oid FROM members m
    WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = m.classid AND x.objid = m.oid
                  AND x.deptype = 'e')
),
families AS (
    SELECT f.oid, pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(f.opfname) AS name,
           pg_catalog.quote_ident(a.amname) AS method
    FROM pg_catalog.pg_opfamily f JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
    JOIN pg_catalog.pg_am a ON a.oid = f.opfmethod
),
-- Each operator and support function of a family, as an item of CREATE OPERATOR CLASS or ALTER OPERATOR FAMILY,
-- with the class it belongs to (NULL for a family's own members).
items AS (
    SELECT o.amopfamily AS family, d.refobjid AS class, 1 AS sort, o.amopstrategy AS number,
           'OPERATOR ' || o.amopstrategy || ' ' || o.amopopr::pg_catalog.regoperator::text
           || CASE WHEN o.amoppurpose = 'o' THEN ' FOR ORDER BY ' || sf.name ELSE '' END AS item
    FROM pg_catalog.pg_amop o
    LEFT JOIN families sf ON sf.oid = o.amopsortfamily
    LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_amop'::pg_catalog.regclass AND d.objid = o.oid
         AND d.refclassid = 'pg_catalog.pg_opclass'::pg_catalog.regclass
    UNION ALL
    SELECT p.amprocfamily, d.refobjid, 2, p.amprocnum,
           'FUNCTION ' || p.amprocnum || ' (' || pg_catalog.format_type(p.amproclefttype, NULL) || ', '
           || pg_catalog.format_type(p.amprocrighttype, NULL) || ') ' || p.amproc::pg_catalog.regprocedure::text
    FROM pg_catalog.pg_amproc p
    LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_amproc'::pg_catalog.regclass AND d.objid = p.oid
         AND d.refclassid = 'pg_catalog.pg_opclass'::pg_catalog.regclass
),
comments AS (
    SELECT d.classoid, d.objoid, pg_catalog.quote_literal(d.description) AS text
    FROM pg_catalog.pg_description d WHERE d.objsubid = 0
),
objects AS (
    SELECT 0 AS sort, 'access method' AS kind, pg_catalog.quote_ident(a.amname) AS name,
           ARRAY['CREATE ACCESS METHOD ' || pg_catalog.quote_ident(a.amname)
                 || CASE a.amtype WHEN 't' THEN ' TYPE TABLE' ELSE ' TYPE INDEX' END
                 || ' HANDLER ' || a.amhandler::pg_catalog.regproc::text]
           || CASE WHEN c.text IS NOT NULL
                   THEN ARRAY['COMMENT ON ACCESS METHOD ' || pg_catalog.quote_ident(a.amname) || ' IS ' || c.text]
                   ELSE '{}'::text[] END AS statements,
           true AS superuser_only, 'BEFORE_TABLES' AS stage, true AS database_wide
    FROM pg_catalog.pg_am a
    LEFT JOIN comments c ON c.classoid = 'pg_catalog.pg_am'::pg_catalog.regclass AND c.objoid = a.oid
    WHERE a.oid >= 16384
      AND a.oid NOT IN (SELECT oid FROM extension_members WHERE classid = 'pg_catalog.pg_am'::pg_catalog.regclass)
    UNION ALL
    SELECT -3, 'conversion', q.name,
           ARRAY['CREATE ' || CASE WHEN v.condefault THEN 'DEFAULT ' ELSE '' END || 'CONVERSION ' || q.name
                 || ' FOR ' || pg_catalog.quote_literal(pg_catalog.pg_encoding_to_char(v.conforencoding))
                 || ' TO ' || pg_catalog.quote_literal(pg_catalog.pg_encoding_to_char(v.contoencoding))
                 || ' FROM ' || v.conproc::pg_catalog.regproc::text]
           || CASE WHEN c.text IS NOT NULL THEN ARRAY['COMMENT ON CONVERSION ' || q.name || ' IS ' || c.text]
                   ELSE '{}'::text[] END,
           false, 'FIRST', false
    FROM pg_catalog.pg_conversion v JOIN pg_catalog.pg_namespace n ON n.oid = v.connamespace
    CROSS JOIN LATERAL (SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(v.conname) AS name) q
    LEFT JOIN comments c ON c.classoid = 'pg_catalog.pg_conversion'::pg_catalog.regclass AND c.objoid = v.oid
    WHERE v.connamespace IN (SELECT oid FROM requested)
      AND v.oid NOT IN (SELECT oid FROM extension_members WHERE classid = 'pg_catalog.pg_conversion'::pg_catalog.regclass)
    UNION ALL
    SELECT -2, 'text search parser', q.name,
           ARRAY['CREATE TEXT SEARCH PARSER ' || q.name || ' (START = ' || p.prsstart::pg_catalog.regproc::text
                 || ', GETTOKEN = ' || p.prstoken::pg_catalog.regproc::text
                 || ', END = ' || p.prsend::pg_catalog.regproc::text
                 || ', LEXTYPES = ' || p.prslextype::pg_catalog.regproc::text
                 || coalesce(', HEADLINE = ' || NULLIF(p.prsheadline, 0)::pg_catalog.regproc::text, '') || ')']
           || CASE WHEN c.text IS NOT NULL THEN ARRAY['COMMENT ON TEXT SEARCH PARSER ' || q.name || ' IS ' || c.text]
                   ELSE '{}'::text[] END,
           true, 'FIRST', false
    FROM pg_catalog.pg_ts_parser p JOIN pg_catalog.pg_namespace n ON n.oid = p.prsnamespace
    CROSS JOIN LATERAL (SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.prsname) AS name) q
    LEFT JOIN comments c ON c.classoid = 'pg_catalog.pg_ts_parser'::pg_catalog.regclass AND c.objoid = p.oid
    WHERE p.prsnamespace IN (SELECT oid FROM requested)
      AND p.oid NOT IN (SELECT oid FROM extension_members WHERE classid = 'pg_catalog.pg_ts_parser'::pg_catalog.regclass)
    UNION ALL
    SELECT -1, 'text search template', q.name,
           ARRAY['CREATE TEXT SEARCH TEMPLATE ' || q.name || ' ('
                 || coalesce('INIT = ' || NULLIF(t.tmplinit, 0)::pg_catalog.regproc::text || ', ', '')
                 || 'LEXIZE = ' || t.tmpllexize::pg_catalog.regproc::text || ')']
           || CASE WHEN c.text IS NOT NULL THEN ARRAY['COMMENT ON TEXT SEARCH TEMPLATE ' || q.name || ' IS ' || c.text]
                   ELSE '{}'::text[] END,
           true, 'FIRST', false
    FROM pg_catalog.pg_ts_template t JOIN pg_catalog.pg_namespace n ON n.oid = t.tmplnamespace
    CROSS JOIN LATERAL (SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(t.tmplname) AS name) q
    LEFT JOIN comments c ON c.classoid = 'pg_catalog.pg_ts_template'::pg_catalog.regclass AND c.objoid = t.oid
    WHERE t.tmplnamespace IN (SELECT oid FROM requested)
      AND t.oid NOT IN (SELECT oid FROM extension_members WHERE classid = 'pg_catalog.pg_ts_template'::pg_catalog.regclass)
    UNION ALL
    -- Default privileges: a schema's add to the role's; the role's own (no schema) replace the built-in defaults,
    -- so those are revoked first. Kept with owners and privileges only.
    SELECT 11, 'default privileges', q.name,
           CASE WHEN a.defaclnamespace = 0
                THEN ARRAY['ALTER DEFAULT PRIVILEGES FOR ROLE ' || pg_catalog.quote_ident(r.rolname) || ' REVOKE ALL ON '
                           || q.objects || ' FROM PUBLIC',
                           'ALTER DEFAULT PRIVILEGES FOR ROLE ' || pg_catalog.quote_ident(r.rolname) || ' REVOKE ALL ON '
                           || q.objects || ' FROM ' || pg_catalog.quote_ident(r.rolname)]
                ELSE '{}'::text[] END
           || coalesce((SELECT pg_catalog.array_agg('ALTER DEFAULT PRIVILEGES FOR ROLE ' || pg_catalog.quote_ident(r.rolname)
                                                    || coalesce(' IN SCHEMA ' || pg_catalog.quote_ident(n.nspname), '')
                                                    || ' GRANT ' || x.privilege_type || ' ON ' || q.objects || ' TO '
                                                    || CASE WHEN x.grantee = 0 THEN 'PUBLIC'
                                                            ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(x.grantee)) END
                                                    || CASE WHEN x.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END
                                                    ORDER BY x.ordinality)
                        FROM pg_catalog.aclexplode(a.defaclacl) WITH ORDINALITY x), '{}'),
           false, 'LAST', a.defaclnamespace = 0
    FROM pg_catalog.pg_default_acl a
    JOIN pg_catalog.pg_roles r ON r.oid = a.defaclrole
    LEFT JOIN pg_catalog.pg_namespace n ON n.oid = a.defaclnamespace
    CROSS JOIN LATERAL (SELECT CASE a.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES'
                                    WHEN 'f' THEN 'FUNCTIONS' WHEN 'T' THEN 'TYPES' WHEN 'n' THEN 'SCHEMAS'
                                    WHEN 'L' THEN 'LARGE OBJECTS' END AS objects,
                               'FOR ROLE ' || pg_catalog.quote_ident(r.rolname)
                               || coalesce(' IN SCHEMA ' || pg_catalog.quote_ident(n.nspname), '') || ' ON '
                               || CASE a.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES'
                                       WHEN 'f' THEN 'FUNCTIONS' WHEN 'T' THEN 'TYPES' WHEN 'n' THEN 'SCHEMAS'
                                       WHEN 'L' THEN 'LARGE OBJECTS' END AS name) q
    WHERE a.defaclnamespace = 0 OR a.defaclnamespace IN (SELECT oid FROM requested)
    UNION ALL
    SELECT 10, 'foreign table', q.name,
           ARRAY['CREATE FOREIGN TABLE ' || q.name
                 || CASE WHEN k.relispartition
                         THEN ' PARTITION OF ' || (SELECT i.inhparent::pg_catalog.regclass::text FROM pg_catalog.pg_inherits i
                                                   WHERE i.inhrelid = k.oid)
                              || ' ' || pg_catalog.pg_get_expr(k.relpartbound, k.oid)
                         ELSE ' (' || coalesce(E'\n    ' || NULLIF(pg_catalog.concat_ws(E',\n    ',
                                  (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname) || ' '
                                              || pg_catalog.format_type(a.atttypid, a.atttypmod)
                                              || coalesce((SELECT o.clause FROM options o WHERE o.list = a.attfdwoptions), '')
                                              || CASE WHEN a.attcollation <> y.typcollation
                                                      THEN ' COLLATE ' || a.attcollation::pg_catalog.regcollation::text
                                                      ELSE '' END
                                              || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                                              || coalesce(' DEFAULT ' || pg_catalog.pg_get_expr(d.adbin, d.adrelid), ''),
                                              E',\n    ' ORDER BY a.attnum)
                                   FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type y ON y.oid = a.atttypid
                                   LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                                   WHERE a.attrelid = k.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attislocal),
                                  (SELECT pg_catalog.string_agg('CONSTRAINT ' || pg_catalog.quote_ident(n.conname) || ' '
                                                                || pg_catalog.pg_get_constraintdef(n.oid), E',\n    '
                                                                ORDER BY n.conname)
                                   FROM pg_catalog.pg_constraint n
                                   WHERE n.conrelid = k.oid AND n.contype = 'c' AND n.conislocal)), '') || E'\n', '')
                              || ')'
                              || coalesce(' INHERITS (' || (SELECT pg_catalog.string_agg(i.inhparent::pg_catalog.regclass::text,
                                                                                         ', ' ORDER BY i.inhseqno)
                                                            FROM pg_catalog.pg_inherits i WHERE i.inhrelid = k.oid) || ')', '')
                    END
                 || ' SERVER ' || pg_catalog.quote_ident(s.srvname)
                 || coalesce((SELECT o.clause FROM options o WHERE o.list = f.ftoptions), '')]
           || CASE WHEN c.text IS NOT NULL THEN ARRAY['COMMENT ON FOREIGN TABLE ' || q.name || ' IS ' || c.text]
                   ELSE '{}'::text[] END
           || coalesce((SELECT pg_catalog.array_agg('COMMENT ON COLUMN ' || q.name || '.' || pg_catalog.quote_ident(a.attname)
                                                    || ' IS ' || pg_catalog.quote_literal(x.description) ORDER BY a.attnum)
                        FROM pg_catalog.pg_description x JOIN pg_catalog.pg_attribute a
                             ON a.attrelid = x.objoid AND a.attnum = x.objsubid
                        WHERE x.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND x.objoid = k.oid
                          AND x.objsubid > 0), '{}'),
           true,
           -- a partition or child of a table comes once the tables exist
           CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i WHERE i.inhrelid = k.oid) THEN 'AFTER_TABLES'
                ELSE 'BEFORE_TABLES' END,
           false
    FROM pg_catalog.pg_foreign_table f
    JOIN pg_catalog.pg_class k ON k.oid = f.ftrelid
    JOIN pg_catalog.pg_foreign_server s ON s.oid = f.ftserver
    CROSS JOIN LATERAL (SELECT k.oid::pg_catalog.regclass::text AS name) q
    LEFT JOIN comments c ON c.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.objoid = k.oid
    WHERE k.relnamespace IN (SELECT oid FROM requested)
      AND k.oid NOT IN (SELECT oid FROM extension_members WHERE classid = 'pg_catalog.pg_class'::pg_catalog.regclass)
    UNION ALL
    SELECT 4, 'transform', q.name,
           ARRAY['CREATE TRANSFORM ' || q.name || ' ('
                 || pg_catalog.concat_ws(', ',
                        'FROM SQL WITH FUNCTION ' || NULLIF(t.trffromsql, 0)::pg_catalog.regprocedure::text,
                        'TO SQL WITH FUNCTION ' || NULLIF(t.trftosql, 0)::pg_catalog.regprocedure::text) || ')']
           || CASE WHEN c.text IS NOT NULL THEN ARRAY['COMMENT ON TRANSFORM ' || q.name || ' IS ' || c.text]
                   ELSE '{}'::text[] END,
           true, 'BEFORE_ROUTINES',
           -- needed by the requested schemas' types or routines, or else kept with the whole database only
           NOT (y.typnamespace IN (SELECT oid FROM requested)
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc p
                           WHERE p.pronamespace IN (SELECT oid FROM requested) AND p.prolang = t.trflang
                             AND t.trftype = ANY (p.protrftypes)))
    FROM pg_catalog.pg_transform t
    JOIN pg_catalog.pg_type y ON y.oid = t.trftype
    JOIN pg_catalog.pg_language l ON l.oid = t.trflang
    CROSS JOIN LATERAL (SELECT 'FOR ' || pg_catalog.format_type(t.trftype, NULL) || ' LANGUAGE '
                               || pg_catalog.quote_ident(l.lanname) AS name) q
    LEFT JOIN comments c ON c.classoid = 'pg_catalog.pg_transform'::pg_catalog.regclass AND c.objoid = t.oid
    WHERE t.oid NOT IN (SELECT oid FROM extension_members WHERE classid = 'pg_catalog.pg_transform'::pg_catalog.regclass)
    UNION ALL
    SELECT 1, 'operator family', f.name || ' USING ' || f.method,
           ARRAY['CREATE OPERATOR FAMILY ' || f.name || ' USING ' || f.method]
           || CASE WHEN c.text IS NOT NULL
                   THEN ARRAY['COMMENT ON OPERATOR FAMILY ' || f.name || ' USING ' || f.method || ' IS ' || c.text]
                   ELSE '{}'::text[] END,
           true, 'BEFORE_TABLES', false
    FROM families f JOIN pg_catalog.pg_opfamily o ON o.oid = f.oid
    LEFT JOIN comments c ON c.classoid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass AND c.objoid = f.oid
    WHERE o.opfnamespace IN (SELECT oid FROM requested)
      AND (f.oid) NOT IN (SELECT oid FROM extension_members WHERE classid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass)
    UNION ALL
    SELECT 2, 'operator class', q.name || ' USING ' || f.method,
           ARRAY['CREATE OPERATOR CLASS ' || q.name || CASE WHEN k.opcdefault THEN ' DEFAULT' ELSE '' END
                 || ' FOR TYPE ' || pg_catalog.format_type(k.opcintype, NULL) || ' USING ' || f.method
                 || ' FAMILY ' || f.name || ' AS '
                 || coalesce(NULLIF(pg_catalog.concat_ws(', ',
                        (SELECT pg_catalog.string_agg(i.item, ', ' ORDER BY i.sort, i.number, i.item)
                         FROM items i WHERE i.class = k.oid),
                        'STORAGE ' || pg_catalog.format_type(NULLIF(k.opckeytype, 0), NULL)), ''),
                      -- a class without members: its input type as storage is as good as none
                      'STORAGE ' || pg_catalog.format_type(k.opcintype, NULL))]
           || CASE WHEN c.text IS NOT NULL
                   THEN ARRAY['COMMENT ON OPERATOR CLASS ' || q.name || ' USING ' || f.method || ' IS ' || c.text]
                   ELSE '{}'::text[] END,
           true, 'BEFORE_TABLES', false
    FROM pg_catalog.pg_opclass k
    JOIN pg_catalog.pg_namespace n ON n.oid = k.opcnamespace
    CROSS JOIN LATERAL (SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(k.opcname) AS name) q
    JOIN families f ON f.oid = k.opcfamily
    LEFT JOIN comments c ON c.classoid = 'pg_catalog.pg_opclass'::pg_catalog.regclass AND c.objoid = k.oid
    WHERE k.opcnamespace IN (SELECT oid FROM requested)
      AND k.oid NOT IN (SELECT oid FROM extension_members WHERE classid = 'pg_catalog.pg_opclass'::pg_catalog.regclass)
    UNION ALL
    SELECT 3, 'operator family members', f.name || ' USING ' || f.method,
           ARRAY['ALTER OPERATOR FAMILY ' || f.name || ' USING ' || f.method || ' ADD '
                 || pg_catalog.string_agg(i.item, ', ' ORDER BY i.sort, i.number, i.item)],
           true, 'BEFORE_TABLES', false
    FROM families f JOIN pg_catalog.pg_opfamily o ON o.oid = f.oid
    JOIN items i ON i.family = f.oid AND i.class IS NULL
    WHERE o.opfnamespace IN (SELECT oid FROM requested)
      AND f.oid NOT IN (SELECT oid FROM extension_members WHERE classid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass)
    GROUP BY f.name, f.method
    UNION ALL
    SELECT 5, 'foreign-data wrapper', pg_catalog.quote_ident(w.fdwname),
           ARRAY['CREATE FOREIGN DATA WRAPPER ' || pg_catalog.quote_ident(w.fdwname)
                 || coalesce(' HANDLER ' || NULLIF(w.fdwhandler, 0)::pg_catalog.regproc::text, '')
                 || coalesce(' VALIDATOR ' || NULLIF(w.fdwvalidator, 0)::pg_catalog.regproc::text, ' NO VALIDATOR')
                 || coalesce(' OPTIONS (' || (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(o.option_name) || ' '
                                                  || pg_catalog.quote_literal(o.option_value), ', ')
                                              FROM pg_catalog.pg_options_to_table(w.fdwoptions) o) || ')', '')]
           || CASE WHEN c.text IS NOT NULL
                   THEN ARRAY['COMMENT ON FOREIGN DATA WRAPPER ' || pg_catalog.quote_ident(w.fdwname) || ' IS ' || c.text]
                   ELSE '{}'::text[] END,
           true, 'BEFORE_TABLES', true
    FROM pg_catalog.pg_foreign_data_wrapper w
    LEFT JOIN comments c ON c.classoid = 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass AND c.objoid = w.oid
    WHERE w.oid NOT IN (SELECT oid FROM extension_members
                        WHERE classid = 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass)
    UNION ALL
    SELECT 6, 'server', pg_catalog.quote_ident(s.srvname),
           ARRAY['CREATE SERVER ' || pg_catalog.quote_ident(s.srvname)
                 || coalesce(' TYPE ' || pg_catalog.quote_literal(s.srvtype), '')
                 || coalesce(' VERSION ' || pg_catalog.quote_literal(s.srvversion), '')
                 || ' FOREIGN DATA WRAPPER ' || pg_catalog.quote_ident(w.fdwname)
                 || coalesce(' OPTIONS (' || (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(o.option_name) || ' '
                                                  || pg_catalog.quote_literal(o.option_value), ', ')
                                              FROM pg_catalog.pg_options_to_table(s.srvoptions) o) || ')', '')]
           || CASE WHEN c.text IS NOT NULL
                   THEN ARRAY['COMMENT ON SERVER ' || pg_catalog.quote_ident(s.srvname) || ' IS ' || c.text]
                   ELSE '{}'::text[] END,
           true, 'BEFORE_TABLES', true
    FROM pg_catalog.pg_foreign_server s JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
    LEFT JOIN comments c ON c.classoid = 'pg_catalog.pg_foreign_server'::pg_catalog.regclass AND c.objoid = s.oid
    WHERE s.oid NOT IN (SELECT oid FROM extension_members
                        WHERE classid = 'pg_catalog.pg_foreign_server'::pg_catalog.regclass)
    UNION ALL
    SELECT 7, 'user mapping', 'FOR ' || CASE WHEN u.umuser = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(u.usename) END
                              || ' SERVER ' || pg_catalog.quote_ident(u.srvname),
           ARRAY['CREATE USER MAPPING FOR '
                 || CASE WHEN u.umuser = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(u.usename) END
                 || ' SERVER ' || pg_catalog.quote_ident(u.srvname)
                 || coalesce(' OPTIONS (' || (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(o.option_name) || ' '
                                                  || pg_catalog.quote_literal(o.option_value), ', ')
                                              FROM pg_catalog.pg_options_to_table(u.umoptions) o) || ')', '')],
           true, 'BEFORE_TABLES', true
    FROM pg_catalog.pg_user_mappings u
    WHERE u.srvid NOT IN (SELECT oid FROM extension_members
                          WHERE classid = 'pg_catalog.pg_foreign_server'::pg_catalog.regclass)
    UNION ALL
    SELECT 8, 'publication', pg_catalog.quote_ident(p.pubname),
           ARRAY['CREATE PUBLICATION ' || pg_catalog.quote_ident(p.pubname)
                 || CASE WHEN p.puballtables THEN ' FOR ALL TABLES'
                         ELSE coalesce(' FOR ' || NULLIF(pg_catalog.concat_ws(', ',
                                  (SELECT 'TABLE ' || pg_catalog.string_agg(pr.prrelid::pg_catalog.regclass::text
                                                                            || {{publication_table_extras}}, ', '
                                                                            ORDER BY pr.prrelid::pg_catalog.regclass::text)
                                   FROM pg_catalog.pg_publication_rel pr WHERE pr.prpubid = p.oid),
                                  {{publication_schemas}}), ''), '') END
                 || ' WITH (publish = ' || pg_catalog.quote_literal(pg_catalog.concat_ws(', ',
                        CASE WHEN p.pubinsert THEN 'insert' END, CASE WHEN p.pubupdate THEN 'update' END,
                        CASE WHEN p.pubdelete THEN 'delete' END, CASE WHEN p.pubtruncate THEN 'truncate' END))
                 || ', publish_via_partition_root = ' || p.pubviaroot || ')']
           || CASE WHEN c.text IS NOT NULL
                   THEN ARRAY['COMMENT ON PUBLICATION ' || pg_catalog.quote_ident(p.pubname) || ' IS ' || c.text]
                   ELSE '{}'::text[] END,
           p.puballtables OR {{publication_schemas}} IS NOT NULL, 'LAST', true
    FROM pg_catalog.pg_publication p
    LEFT JOIN comments c ON c.classoid = 'pg_catalog.pg_publication'::pg_catalog.regclass AND c.objoid = p.oid
    UNION ALL
    SELECT 9, 'event trigger', pg_catalog.quote_ident(e.evtname),
           ARRAY['CREATE EVENT TRIGGER ' || pg_catalog.quote_ident(e.evtname) || ' ON ' || pg_catalog.quote_ident(e.evtevent)
                 || coalesce(' WHEN TAG IN (' || (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(t), ', ')
                                                  FROM pg_catalog.unnest(e.evttags) t) || ')', '')
                 || ' EXECUTE FUNCTION ' || e.evtfoid::pg_catalog.regproc::text || '()']
           || CASE e.evtenabled WHEN 'D' THEN ARRAY['ALTER EVENT TRIGGER ' || pg_catalog.quote_ident(e.evtname) || ' DISABLE']
                                WHEN 'R' THEN ARRAY['ALTER EVENT TRIGGER ' || pg_catalog.quote_ident(e.evtname) || ' ENABLE REPLICA']
                                WHEN 'A' THEN ARRAY['ALTER EVENT TRIGGER ' || pg_catalog.quote_ident(e.evtname) || ' ENABLE ALWAYS']
                                ELSE '{}'::text[] END
           || CASE WHEN c.text IS NOT NULL
                   THEN ARRAY['COMMENT ON EVENT TRIGGER ' || pg_catalog.quote_ident(e.evtname) || ' IS ' || c.text]
                   ELSE '{}'::text[] END,
           true, 'LAST', true
    FROM pg_catalog.pg_event_trigger e
    LEFT JOIN comments c ON c.classoid = 'pg_catalog.pg_event_trigger'::pg_catalog.regclass AND c.objoid = e.oid
    WHERE e.oid NOT IN (SELECT oid FROM extension_members
                        WHERE classid = 'pg_catalog.pg_event_trigger'::pg_catalog.regclass)
)
SELECT kind, name, statements, superuser_only, stage, database_wide
FROM objects
ORDER BY sort, name COLLATE "C"
