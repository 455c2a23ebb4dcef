package io.persistor.testkit;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * An independent description of a database's schemas, built only from the server's own catalog functions
 * ({@code format_type}, {@code pg_get_*def}, {@code pg_get_expr}) and plain queries, never from Persistor's
 * reader: one sorted line per object property, plus per table its row count and an order-independent digest
 * of its rows' text, per sequence its parameters, last value and {@code is_called}, and per large object of the
 * database (whatever the schemas) its OID, size, digest and comment.
 *
 * <p>Ownership and privileges are not part of it: a restore makes the restoring role the owner.
 */
public final class Fingerprint {

    /** Each query takes the schema names as its one parameter and returns one text column of lines. */
    private static final List<String> CATALOG_QUERIES = List.of(
            """
            SELECT 'schema ' || quote_ident(n.nspname) || coalesce(' comment ' || obj_description(n.oid, 'pg_namespace'), '')
            FROM pg_namespace n WHERE n.nspname = ANY (?)
            """,
            """
            SELECT 'type ' || format_type(t.oid, NULL) || ' kind ' || t.typtype::text
                   || coalesce(' labels ' || (SELECT string_agg(quote_literal(e.enumlabel), ',' ORDER BY e.enumsortorder)
                                              FROM pg_enum e WHERE e.enumtypid = t.oid), '')
                   || CASE WHEN t.typtype = 'd' THEN ' base ' || format_type(t.typbasetype, t.typtypmod)
                           || ' notnull ' || t.typnotnull || ' default ' || coalesce(pg_get_expr(t.typdefaultbin, 0), t.typdefault, '') ELSE '' END
                   || coalesce(' comment ' || obj_description(t.oid, 'pg_type'), '')
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = ANY (?) AND t.typtype IN ('e', 'd', 'r', 'm', 'c')
              AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
              AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.objid = t.oid AND x.deptype = 'e')
            """,
            """
            SELECT 'base type ' || format_type(t.oid, NULL) || ' kind ' || t.typtype::text || ' defined ' || t.typisdefined
                   || ' input ' || t.typinput::regproc::text || ' output ' || t.typoutput::regproc::text
                   || ' receive ' || t.typreceive::regproc::text || ' send ' || t.typsend::regproc::text
                   || ' modin ' || t.typmodin::regproc::text || ' modout ' || t.typmodout::regproc::text
                   || ' analyze ' || t.typanalyze::regproc::text
                   || ' subscript ' || coalesce(to_jsonb(t) ->> 'typsubscript', '')
                   || ' length ' || t.typlen || ' byval ' || t.typbyval || ' align ' || t.typalign::text
                   || ' storage ' || t.typstorage::text || ' category ' || t.typcategory::text
                   || ' preferred ' || t.typispreferred || ' delimiter ' || t.typdelim::text
                   || ' element ' || coalesce(format_type(nullif(t.typelem, 0), NULL), '')
                   || ' default ' || coalesce(t.typdefault, '') || ' collatable ' || (t.typcollation <> 0)
                   || coalesce(' comment ' || obj_description(t.oid, 'pg_type'), '')
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = ANY (?) AND t.typtype IN ('b', 'p')
              AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)
              AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.objid = t.oid AND x.deptype = 'e')
            """,
            """
            SELECT 'operator family ' || quote_ident(n.nspname) || '.' || quote_ident(f.opfname) || ' using ' || m.amname
                   || coalesce(' operators ' || (SELECT string_agg(o.amopstrategy || ':' || o.amopopr::regoperator::text
                                       || ':' || format_type(o.amoplefttype, NULL) || ':' || format_type(o.amoprighttype, NULL)
                                       || ':' || o.amoppurpose::text || coalesce(':' || nullif(o.amopsortfamily, 0)::regclass::text, ''),
                                       ' ' ORDER BY o.amopstrategy, o.amoplefttype, o.amoprighttype)
                                FROM pg_amop o WHERE o.amopfamily = f.oid), '')
                   || coalesce(' functions ' || (SELECT string_agg(p.amprocnum || ':' || p.amproc::regprocedure::text
                                       || ':' || format_type(p.amproclefttype, NULL) || ':' || format_type(p.amprocrighttype, NULL),
                                       ' ' ORDER BY p.amprocnum, p.amproclefttype, p.amprocrighttype)
                                FROM pg_amproc p WHERE p.amprocfamily = f.oid), '')
                   || coalesce(' comment ' || obj_description(f.oid, 'pg_opfamily'), '')
            FROM pg_opfamily f JOIN pg_am m ON m.oid = f.opfmethod JOIN pg_namespace n ON n.oid = f.opfnamespace
            WHERE n.nspname = ANY (?) AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.objid = f.oid AND x.deptype = 'e')
            """,
            """
            SELECT 'operator class ' || quote_ident(n.nspname) || '.' || quote_ident(c.opcname) || ' using ' || m.amname
                   || ' family ' || quote_ident(fn.nspname) || '.' || quote_ident(f.opfname)
                   || ' for ' || format_type(c.opcintype, NULL) || ' default ' || c.opcdefault
                   || ' storage ' || coalesce(format_type(nullif(c.opckeytype, 0), NULL), '')
                   || coalesce(' comment ' || obj_description(c.oid, 'pg_opclass'), '')
            FROM pg_opclass c JOIN pg_am m ON m.oid = c.opcmethod JOIN pg_namespace n ON n.oid = c.opcnamespace
            JOIN pg_opfamily f ON f.oid = c.opcfamily JOIN pg_namespace fn ON fn.oid = f.opfnamespace
            WHERE n.nspname = ANY (?) AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.objid = c.oid AND x.deptype = 'e')
            """,
            """
            SELECT 'database foreign-data wrapper ' || quote_ident(w.fdwname) || ' handler ' || w.fdwhandler::regproc::text
                   || ' validator ' || w.fdwvalidator::regproc::text
                   || ' options ' || coalesce(array_to_string(w.fdwoptions, ','), '')
                   || coalesce(' comment ' || obj_description(w.oid, 'pg_foreign_data_wrapper'), '')
            FROM pg_foreign_data_wrapper w WHERE cardinality(?::text[]) >= 0
            """,
            """
            SELECT 'database server ' || quote_ident(s.srvname) || ' wrapper ' || quote_ident(w.fdwname)
                   || ' type ' || coalesce(s.srvtype, '') || ' version ' || coalesce(s.srvversion, '')
                   || ' options ' || coalesce(array_to_string(s.srvoptions, ','), '')
                   || coalesce(' comment ' || obj_description(s.oid, 'pg_foreign_server'), '')
            FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw WHERE cardinality(?::text[]) >= 0
            """,
            """
            SELECT 'database user mapping ' || u.usename || ' server ' || quote_ident(u.srvname)
                   || ' options ' || coalesce(array_to_string(u.umoptions, ','), '')
            FROM pg_user_mappings u WHERE cardinality(?::text[]) >= 0
            """,
            """
            SELECT 'database publication ' || quote_ident(p.pubname) || ' all ' || p.puballtables
                   || ' ' || p.pubinsert || '/' || p.pubupdate || '/' || p.pubdelete || '/' || p.pubtruncate
                   || ' root ' || p.pubviaroot
                   || coalesce(' tables ' || (SELECT string_agg(t.schemaname || '.' || t.tablename
                                                                || coalesce(' ' || (to_jsonb(t) ->> 'attnames'), '')
                                                                || coalesce(' where ' || (to_jsonb(t) ->> 'rowfilter'), ''), ','
                                                                ORDER BY t.schemaname, t.tablename)
                                              FROM pg_publication_tables t WHERE t.pubname = p.pubname), '')
                   || coalesce(' comment ' || obj_description(p.oid, 'pg_publication'), '')
            FROM pg_publication p WHERE cardinality(?::text[]) >= 0
            """,
            """
            SELECT 'database event trigger ' || quote_ident(e.evtname) || ' on ' || e.evtevent || ' '
                   || e.evtfoid::regproc::text || ' enabled ' || e.evtenabled::text
                   || ' tags ' || coalesce(array_to_string(e.evttags, ','), '')
                   || coalesce(' comment ' || obj_description(e.oid, 'pg_event_trigger'), '')
            FROM pg_event_trigger e WHERE cardinality(?::text[]) >= 0
            """,
            """
            SELECT 'database access method ' || quote_ident(a.amname) || ' type ' || a.amtype::text
                   || ' handler ' || a.amhandler::regproc::text
                   || coalesce(' comment ' || obj_description(a.oid, 'pg_am'), '')
            FROM pg_am a WHERE a.oid >= 16384 AND cardinality(?::text[]) >= 0
            """,
            """
            SELECT 'database transform for ' || format_type(f.trftype, NULL) || ' language ' || l.lanname
                   || ' from ' || coalesce(NULLIF(f.trffromsql, 0)::regprocedure::text, '-')
                   || ' to ' || coalesce(NULLIF(f.trftosql, 0)::regprocedure::text, '-')
                   || coalesce(' comment ' || obj_description(f.oid, 'pg_transform'), '')
            FROM pg_transform f JOIN pg_language l ON l.oid = f.trflang
            WHERE f.oid >= 16384 AND cardinality(?::text[]) >= 0
            """,
            """
            SELECT 'domain constraint ' || format_type(t.oid, NULL) || ' ' || quote_ident(k.conname) || ' '
                   || pg_get_constraintdef(k.oid)
            FROM pg_constraint k JOIN pg_type t ON t.oid = k.contypid JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = ANY (?)
            """,
            """
            SELECT 'relation ' || c.oid::regclass::text || ' kind ' || c.relkind::text || ' persistence ' || c.relpersistence::text
                   || ' options ' || coalesce(array_to_string(c.reloptions, ','), '')
                   || ' toast options ' || coalesce((SELECT array_to_string(t.reloptions, ',') FROM pg_class t
                                                     WHERE t.oid = c.reltoastrelid), '')
                   || ' rls ' || c.relrowsecurity || '/' || c.relforcerowsecurity || ' replica ' || c.relreplident::text
                   || coalesce(' access method ' || (SELECT amname FROM pg_am WHERE oid = c.relam
                                                     AND c.relkind IN ('r', 'm', 'p')), '')
                   || CASE WHEN c.relkind = 'm' THEN ' populated ' || c.relispopulated ELSE '' END
                   || coalesce(' partition ' || pg_get_expr(c.relpartbound, c.oid), '')
                   || coalesce(' partitioned by ' || pg_get_partkeydef(c.oid), '')
                   || CASE WHEN c.reloftype <> 0 THEN ' of ' || format_type(c.reloftype, NULL) ELSE '' END
                   || coalesce(' comment ' || obj_description(c.oid, 'pg_class'), '')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
              AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.objid = c.oid AND x.deptype = 'e')
            """,
            """
            SELECT 'foreign table ' || c.oid::regclass::text || ' server ' || quote_ident(s.srvname)
                   || ' options ' || coalesce(array_to_string(f.ftoptions, ','), '')
                   || ' column options ' || coalesce((SELECT string_agg(quote_ident(a.attname) || ' '
                                                          || array_to_string(a.attfdwoptions, ','), ';' ORDER BY a.attnum)
                                                      FROM pg_attribute a WHERE a.attrelid = c.oid
                                                        AND a.attfdwoptions IS NOT NULL), '')
            FROM pg_foreign_table f JOIN pg_class c ON c.oid = f.ftrelid JOIN pg_foreign_server s ON s.oid = f.ftserver
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?)
            """,
            """
            SELECT 'inherits ' || i.inhrelid::regclass::text || ' from ' || i.inhparent::regclass::text || ' #' || i.inhseqno
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'f')
            """,
            """
            SELECT 'column ' || c.oid::regclass::text || '.' || quote_ident(a.attname)
                   || ' #' || row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum)
                   || ' ' || format_type(a.atttypid, a.atttypmod) || ' notnull ' || a.attnotnull
                   || ' default ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
                   || ' identity ' || a.attidentity::text || ' generated ' || a.attgenerated::text
                   || ' collation ' || coalesce((SELECT quote_ident(collname) FROM pg_collation WHERE oid = a.attcollation), '')
                   || ' local ' || a.attislocal || ' storage ' || a.attstorage::text
                   -- attcompression exists from PostgreSQL 14
                   || ' compression ' || coalesce(to_jsonb(a) ->> 'attcompression', '')
                   || ' statistics ' || coalesce(nullif(a.attstattarget::int, -1)::text, '')
                   || ' options ' || coalesce(array_to_string(a.attoptions, ','), '')
                   || coalesce(' comment ' || col_description(c.oid, a.attnum), '')
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') AND a.attnum > 0 AND NOT a.attisdropped
              AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.objid = c.oid AND x.deptype = 'e')
            """,
            """
            SELECT 'constraint ' || c.oid::regclass::text || ' ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid)
                   || ' local ' || k.conislocal || coalesce(' comment ' || obj_description(k.oid, 'pg_constraint'), '')
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?)
            """,
            """
            SELECT 'index ' || pg_get_indexdef(i.indexrelid) || ' clustered ' || i.indisclustered
                   || ' replica ' || i.indisreplident || ' valid ' || i.indisvalid
                   || coalesce(' attached to ' || (SELECT h.inhparent::regclass::text FROM pg_inherits h
                                                   WHERE h.inhrelid = i.indexrelid), '')
                   || coalesce(' comment ' || obj_description(i.indexrelid, 'pg_class'), '')
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?)
            """,
            """
            SELECT 'sequence ' || c.oid::regclass::text || ' ' || format_type(s.seqtypid, NULL) || ' start ' || s.seqstart
                   || ' increment ' || s.seqincrement || ' min ' || s.seqmin || ' max ' || s.seqmax || ' cache ' || s.seqcache
                   || ' cycle ' || s.seqcycle
                   || coalesce(' owned by ' || (SELECT d.refobjid::regclass::text || '.' || quote_ident(a.attname) || ' ' || d.deptype::text
                                               FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                                               WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                                 AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')), '')
            FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?)
            """,
            """
            SELECT 'view ' || c.oid::regclass::text || ' ' || pg_get_viewdef(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?) AND c.relkind IN ('v', 'm')
            """,
            """
            SELECT 'routine ' || p.oid::regprocedure::text || ' kind ' || p.prokind::text || ' '
                   || CASE WHEN p.prokind = 'a' THEN '' ELSE pg_get_functiondef(p.oid) END
                   || coalesce(' comment ' || obj_description(p.oid, 'pg_proc'), '')
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.objid = p.oid AND x.deptype = 'e')
            """,
            """
            SELECT 'aggregate ' || a.aggfnoid::regprocedure::text || ' kind ' || a.aggkind::text || ' direct ' || a.aggnumdirectargs
                   || ' transition ' || a.aggtransfn::text || ' ' || format_type(a.aggtranstype, NULL)
                   || ' final ' || a.aggfinalfn::text || ' extra ' || a.aggfinalextra || ' modify ' || a.aggfinalmodify::text
                   || ' combine ' || a.aggcombinefn::text || ' serial ' || a.aggserialfn::text || '/' || a.aggdeserialfn::text
                   || ' moving ' || a.aggmtransfn::text || '/' || a.aggminvtransfn::text || '/' || a.aggmfinalfn::text
                   || ' ' || coalesce(format_type(nullif(a.aggmtranstype, 0), NULL), '') || ' ' || a.aggmfinalextra
                   || ' sort ' || a.aggsortop::regoperator::text || ' init ' || coalesce(a.agginitval, 'null')
                   || '/' || coalesce(a.aggminitval, 'null') || ' parallel ' || p.proparallel::text
            FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.objid = p.oid AND x.deptype = 'e')
            """,
            """
            SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' enabled ' || t.tgenabled::text
                   || coalesce(' comment ' || obj_description(t.oid, 'pg_trigger'), '')
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?) AND NOT t.tgisinternal
            """,
            """
            SELECT 'rule ' || pg_get_ruledef(r.oid)
            FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?) AND r.rulename <> '_RETURN'
            """,
            """
            SELECT 'policy ' || p.schemaname || '.' || p.tablename || ' ' || p.policyname || ' ' || p.permissive || ' '
                   || p.cmd || ' ' || array_to_string(p.roles, ',') || ' using ' || coalesce(p.qual, '')
                   || ' check ' || coalesce(p.with_check, '')
            FROM pg_policies p WHERE p.schemaname = ANY (?)
            """,
            """
            SELECT 'statistics ' || pg_get_statisticsobjdef(s.oid) || ' target ' || coalesce(s.stxstattarget::text, 'default')
            FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace
            WHERE n.nspname = ANY (?)
            """,
            """
            SELECT 'collation ' || c.oid::regcollation::text || ' ' || c.collprovider::text || ' '
                   || coalesce(c.collcollate, '') || '/' || coalesce(c.collctype, '') || ' ' || c.collisdeterministic
                   || coalesce(' comment ' || obj_description(c.oid, 'pg_collation'), '')
            FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
            WHERE n.nspname = ANY (?)
            """,
            """
            SELECT 'conversion ' || quote_ident(n.nspname) || '.' || quote_ident(v.conname) || ' '
                   || pg_encoding_to_char(v.conforencoding) || ' ' || pg_encoding_to_char(v.contoencoding) || ' '
                   || v.conproc::regproc::text || ' default ' || v.condefault
                   || coalesce(' comment ' || obj_description(v.oid, 'pg_conversion'), '')
            FROM pg_conversion v JOIN pg_namespace n ON n.oid = v.connamespace WHERE n.nspname = ANY (?)
            """,
            """
            SELECT 'text search parser ' || quote_ident(n.nspname) || '.' || quote_ident(p.prsname)
                   || ' ' || p.prsstart::regproc::text || ' ' || p.prstoken::regproc::text || ' ' || p.prsend::regproc::text
                   || ' ' || p.prsheadline::regproc::text || ' ' || p.prslextype::regproc::text
                   || coalesce(' comment ' || obj_description(p.oid, 'pg_ts_parser'), '')
            FROM pg_ts_parser p JOIN pg_namespace n ON n.oid = p.prsnamespace WHERE n.nspname = ANY (?)
            """,
            """
            SELECT 'text search template ' || quote_ident(n.nspname) || '.' || quote_ident(t.tmplname)
                   || ' ' || t.tmplinit::regproc::text || ' ' || t.tmpllexize::regproc::text
                   || coalesce(' comment ' || obj_description(t.oid, 'pg_ts_template'), '')
            FROM pg_ts_template t JOIN pg_namespace n ON n.oid = t.tmplnamespace WHERE n.nspname = ANY (?)
            """,
            """
            SELECT 'text search dictionary ' || d.oid::regdictionary::text || ' template '
                   || t.tmplnamespace::regnamespace::text || '.' || t.tmplname || ' ' || coalesce(d.dictinitoption, '')
                   || coalesce(' comment ' || obj_description(d.oid, 'pg_ts_dict'), '')
            FROM pg_ts_dict d JOIN pg_ts_template t ON t.oid = d.dicttemplate
            JOIN pg_namespace n ON n.oid = d.dictnamespace
            WHERE n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.objid = d.oid AND x.deptype = 'e')
            """,
            """
            SELECT 'text search configuration ' || c.oid::regconfig::text || ' parser ' || p.prsname || ' '
                   || coalesce((SELECT string_agg(t.alias || '=' || m.mapdict::regdictionary::text, ' '
                                                  ORDER BY t.tokid, m.mapseqno)
                                FROM pg_ts_config_map m JOIN ts_token_type(c.cfgparser) t ON t.tokid = m.maptokentype
                                WHERE m.mapcfg = c.oid), '')
                   || coalesce(' comment ' || obj_description(c.oid, 'pg_ts_config'), '')
            FROM pg_ts_config c JOIN pg_ts_parser p ON p.oid = c.cfgparser
            JOIN pg_namespace n ON n.oid = c.cfgnamespace
            WHERE n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.objid = c.oid AND x.deptype = 'e')
            """,
            """
            SELECT 'operator ' || o.oid::regoperator::text || ' function ' || o.oprcode::regprocedure::text
                   || ' commutator ' || o.oprcom::regoperator::text || ' negator ' || o.oprnegate::regoperator::text
                   || ' restrict ' || o.oprrest::regproc::text || ' join ' || o.oprjoin::regproc::text
                   || ' hashes ' || o.oprcanhash || ' merges ' || o.oprcanmerge
                   || coalesce(' comment ' || obj_description(o.oid, 'pg_operator'), '')
            FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
            WHERE n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.objid = o.oid AND x.deptype = 'e')
            """,
            """
            SELECT 'cast ' || format_type(k.castsource, NULL) || ' as ' || format_type(k.casttarget, NULL)
                   || ' function ' || k.castfunc::regprocedure::text || ' context ' || k.castcontext::text
                   || ' method ' || k.castmethod::text || coalesce(' comment ' || obj_description(k.oid, 'pg_cast'), '')
            FROM pg_cast k JOIN pg_type s ON s.oid = k.castsource JOIN pg_type t ON t.oid = k.casttarget
            WHERE k.oid >= 16384
              AND EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = ANY (?)
                          AND n.oid IN (s.typnamespace, t.typnamespace))
            """,
            """
            SELECT 'extension ' || e.extname || ' schema ' || quote_ident(n.nspname)
                   || coalesce(' comment ' || obj_description(e.oid, 'pg_extension'), '')
            FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE n.nspname = ANY (?)
            """);

    private static final String TABLES = """
            SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'm') AND (c.relkind = 'r' OR c.relispopulated)
              AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.objid = c.oid AND x.deptype = 'e')
            """;

    private static final String SEQUENCES = """
            SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?) AND c.relkind = 'S'
            """;

    private static final String LARGE_OBJECTS = """
            SELECT 'large object ' || m.oid || ' size ' || length(lo_get(m.oid)) || ' digest ' || md5(lo_get(m.oid))
                   || coalesce(' comment ' || obj_description(m.oid, 'pg_largeobject'), '')
            FROM pg_largeobject_metadata m
            """;

    private final List<String> lines;

    private Fingerprint(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    /**
     * Reads the fingerprint of some schemas.
     *
     * @param dataSource a connection to the database, as a role that can read everything in it
     * @param schemas    the schemas
     * @return the fingerprint
     */
    public static Fingerprint of(DataSource dataSource, List<String> schemas) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET search_path = ''");
                s.execute("SET timezone = 'UTC'");
                s.execute("SET datestyle = 'ISO, YMD'");
                s.execute("SET intervalstyle = 'postgres'");
                s.execute("SET extra_float_digits = 3");
            }
            Array names = connection.createArrayOf("text", schemas.toArray());
            TreeSet<String> lines = new TreeSet<>();
            for (String query : CATALOG_QUERIES) {
                lines.addAll(strings(connection, query, names));
            }
            for (String table : strings(connection, TABLES, names)) {
                lines.add("rows " + table + " " + single(connection, "SELECT count(*) || ' digest ' || "
                        + "coalesce(md5(string_agg(h, '' ORDER BY h)), '') FROM (SELECT md5(t::text) AS h FROM ONLY "
                        + table + " t) rows"));
            }
            for (String sequence : strings(connection, SEQUENCES, names)) {
                lines.add("sequence state " + sequence + " "
                        + single(connection, "SELECT last_value || ' called ' || is_called FROM " + sequence));
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(LARGE_OBJECTS)) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            return new Fingerprint(new ArrayList<>(lines));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot fingerprint schemas " + schemas + ": " + e.getMessage(), e);
        }
    }

    /** The lines, sorted. */
    public List<String> lines() {
        return lines;
    }

    /**
     * Fails, listing the differing lines, unless two fingerprints are equal.
     *
     * @param expected the source's fingerprint
     * @param actual   the restored database's fingerprint
     */
    public static void assertSame(Fingerprint expected, Fingerprint actual) {
        List<String> missing = expected.lines.stream().filter(l -> !actual.lines.contains(l)).collect(Collectors.toList());
        List<String> extra = actual.lines.stream().filter(l -> !expected.lines.contains(l)).collect(Collectors.toList());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            fail("The databases differ.%nOnly in the source (%d):%n  %s%nOnly in the restored database (%d):%n  %s",
                    missing.size(), String.join("\n  ", missing), extra.size(), String.join("\n  ", extra));
        }
    }

    private static List<String> strings(Connection connection, String query, Array names) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setArray(1, names);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(rows.getString(1));
                }
                return result;
            }
        }
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
