package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.BackupResult;
import io.persistor.Persistor;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.Psql;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Operator families and classes (a hash partition key and an index use them; a family has a member of its own),
 * text search templates and parsers (a dictionary and a configuration use them), conversions, binary-coercible
 * casts, transforms, foreign tables (one a partition), and, in a backup of every schema, access methods (a table
 * and a materialized view use one, and on PostgreSQL 17 and later partitioned tables and partitions in ways only
 * an explicit heap recreates), foreign-data wrappers, servers, user mappings, publications and event triggers
 * come back as pg_dump brings them, each with its comment; those only a superuser may create are guarded, so the
 * database's owner restores the rest with a warning naming each.
 */
class DefinedObjectsRoundTripIT {

    private static final String SEED = """
            CREATE FUNCTION public.int4_hash_noop(integer, bigint) RETURNS bigint LANGUAGE sql IMMUTABLE
                AS 'SELECT $1::bigint + $2';
            CREATE OPERATOR CLASS public.part_int4_ops FOR TYPE integer USING hash AS
                OPERATOR 1 =, FUNCTION 2 public.int4_hash_noop(integer, bigint);
            COMMENT ON OPERATOR CLASS public.part_int4_ops USING hash IS 'hashes as itself';
            CREATE TABLE public.hashed (a integer, b text) PARTITION BY HASH (a public.part_int4_ops);
            CREATE TABLE public.hashed_0 PARTITION OF public.hashed FOR VALUES WITH (MODULUS 2, REMAINDER 0);
            CREATE TABLE public.hashed_1 PARTITION OF public.hashed FOR VALUES WITH (MODULUS 2, REMAINDER 1);
            INSERT INTO public.hashed VALUES (1, 'a'), (2, 'b'), (3, 'c');
            CREATE FUNCTION public.rev_cmp(integer, integer) RETURNS integer LANGUAGE sql IMMUTABLE
                AS 'SELECT pg_catalog.btint4cmp($2, $1)';
            CREATE OPERATOR FAMILY public.rev_ops USING btree;
            COMMENT ON OPERATOR FAMILY public.rev_ops USING btree IS 'backwards';
            CREATE OPERATOR CLASS public.rev_int4_ops FOR TYPE integer USING btree FAMILY public.rev_ops AS
                OPERATOR 1 >, OPERATOR 2 >=, OPERATOR 3 =, OPERATOR 4 <=, OPERATOR 5 <,
                FUNCTION 1 public.rev_cmp(integer, integer);
            ALTER OPERATOR FAMILY public.rev_ops USING btree ADD FUNCTION 4 (integer, integer) pg_catalog.btequalimage(oid);
            CREATE OPERATOR FAMILY public.lonely_ops USING btree;
            CREATE OPERATOR CLASS public.empty_ops FOR TYPE integer USING btree AS STORAGE integer;
            CREATE TABLE public.ranked (n integer);
            INSERT INTO public.ranked VALUES (1), (5), (3);
            CREATE INDEX ranked_backwards ON public.ranked (n public.rev_int4_ops);
            CREATE DOMAIN public.whole AS integer;
            CREATE TYPE public.int42;
            CREATE FUNCTION public.int42_in(cstring) RETURNS public.int42 AS 'int4in' LANGUAGE internal STRICT IMMUTABLE;
            CREATE FUNCTION public.int42_out(public.int42) RETURNS cstring AS 'int4out' LANGUAGE internal STRICT IMMUTABLE;
            CREATE TYPE public.int42 (INTERNALLENGTH = 4, INPUT = public.int42_in, OUTPUT = public.int42_out,
                ALIGNMENT = int4, PASSEDBYVALUE);
            CREATE CAST (public.int42 AS integer) WITHOUT FUNCTION AS IMPLICIT;
            COMMENT ON CAST (public.int42 AS integer) IS 'same bits';
            CREATE CONVERSION public.latin_to_utf8 FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
            COMMENT ON CONVERSION public.latin_to_utf8 IS 'one way';
            CREATE TEXT SEARCH TEMPLATE public.simple_copy (INIT = dsimple_init, LEXIZE = dsimple_lexize);
            COMMENT ON TEXT SEARCH TEMPLATE public.simple_copy IS 'simple again';
            CREATE TEXT SEARCH DICTIONARY public.simple_dict (TEMPLATE = public.simple_copy, STOPWORDS = english);
            CREATE TEXT SEARCH PARSER public.default_copy (START = prsd_start, GETTOKEN = prsd_nexttoken,
                END = prsd_end, LEXTYPES = prsd_lextype, HEADLINE = prsd_headline);
            CREATE TEXT SEARCH CONFIGURATION public.copy_config (PARSER = public.default_copy);
            ALTER TEXT SEARCH CONFIGURATION public.copy_config ADD MAPPING FOR word WITH public.simple_dict;
            CREATE ACCESS METHOD heap_copy TYPE TABLE HANDLER heap_tableam_handler;
            COMMENT ON ACCESS METHOD heap_copy IS 'heap by another name';
            CREATE ACCESS METHOD btree_copy TYPE INDEX HANDLER bthandler;
            CREATE TRANSFORM FOR integer LANGUAGE sql (FROM SQL WITH FUNCTION pg_catalog.varchar_support(internal),
                TO SQL WITH FUNCTION pg_catalog.int4recv(internal));
            COMMENT ON TRANSFORM FOR integer LANGUAGE sql IS 'a formality';
            CREATE FUNCTION public.transformed(integer) RETURNS integer LANGUAGE sql TRANSFORM FOR TYPE integer
                AS 'SELECT $1';
            CREATE TABLE public.kept_apart (id integer, v text) USING heap_copy;
            INSERT INTO public.kept_apart VALUES (1, 'one'), (2, 'two');
            CREATE MATERIALIZED VIEW public.kept_apart_view USING heap_copy AS SELECT id FROM public.kept_apart;
                        CREATE FOREIGN DATA WRAPPER test_fdw OPTIONS (debug 'true');
            COMMENT ON FOREIGN DATA WRAPPER test_fdw IS 'a wrapper';
            CREATE SERVER test_server TYPE 'remote' VERSION '1.0' FOREIGN DATA WRAPPER test_fdw OPTIONS (host 'example');
            GRANT USAGE ON FOREIGN SERVER test_server TO persistor_reader;
            CREATE USER MAPPING FOR persistor_reader SERVER test_server OPTIONS (user 'someone');
            CREATE FOREIGN TABLE public.remote_items (id integer OPTIONS (column_name 'item_id') NOT NULL,
                label text COLLATE "C" DEFAULT 'none', CONSTRAINT remote_items_id CHECK (id > 0))
                SERVER test_server OPTIONS (table_name 'items');
            COMMENT ON FOREIGN TABLE public.remote_items IS 'elsewhere';
            COMMENT ON COLUMN public.remote_items.label IS 'its name';
            CREATE VIEW public.remote_labels AS SELECT label FROM public.remote_items;
            CREATE TABLE public.measures (at date, v integer) PARTITION BY RANGE (at);
            CREATE TABLE public.measures_now PARTITION OF public.measures FOR VALUES FROM ('2025-01-01') TO (MAXVALUE);
            CREATE FOREIGN TABLE public.measures_old PARTITION OF public.measures
                FOR VALUES FROM (MINVALUE) TO ('2025-01-01') SERVER test_server;
            CREATE PUBLICATION pub_some FOR TABLE public.ranked WITH (publish = 'insert, update');
            COMMENT ON PUBLICATION pub_some IS 'some rows';
            CREATE PUBLICATION pub_all FOR ALL TABLES WITH (publish_via_partition_root = true);
            CREATE FUNCTION public.log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END';
            CREATE EVENT TRIGGER log_ddl ON ddl_command_start WHEN TAG IN ('CREATE TABLE', 'DROP TABLE')
                EXECUTE FUNCTION public.log_ddl();
            ALTER EVENT TRIGGER log_ddl DISABLE;
            COMMENT ON EVENT TRIGGER log_ddl IS 'watches';
            """;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void definedObjectsRoundTrip(int major) throws Exception {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            source.execute(SEED);
            if (major >= 17) {
                // A partition made without USING takes its parent's method: heap is named where it differs.
                source.execute("CREATE TABLE public.stored (k integer) PARTITION BY LIST (k) USING heap_copy",
                        "CREATE TABLE public.stored_heap PARTITION OF public.stored FOR VALUES IN (1) USING heap",
                        "CREATE TABLE public.stored_same PARTITION OF public.stored FOR VALUES IN (2)",
                        "CREATE TABLE public.named_heap (k integer) PARTITION BY LIST (k) USING heap",
                        "CREATE TABLE public.named_heap_1 PARTITION OF public.named_heap FOR VALUES IN (1)",
                        "INSERT INTO public.stored VALUES (1), (2)");
            }
            BackupResult result = Persistor.backup(source.selectOnlyDataSource()).allSchemas()
                    .to(directory.resolve(major + ".sql"));
            String script = Files.readString(result.file());
            // PostgreSQL 18 records the hash function as the family's member rather than the class's.
            assertThat(script).contains("CREATE OPERATOR CLASS public.part_int4_ops FOR TYPE integer USING hash "
                    + "FAMILY public.part_int4_ops AS OPERATOR 1 =(integer,integer)")
                    .contains("FUNCTION 2 (integer, integer) public.int4_hash_noop(integer,bigint)");
            assertThat(script.indexOf("CREATE OPERATOR CLASS public.part_int4_ops"))
                    .isLessThan(script.indexOf("CREATE TABLE \"public\".\"hashed\""));
            assertThat(result.notes()).contains("Restoring event trigger log_ddl needs a superuser (only a superuser "
                    + "may create it): run by another role it is skipped with a warning; restore as a superuser.");
            assertThat(script).contains("CREATE TABLE \"public\".\"kept_apart\" (\n    \"id\" integer,\n    \"v\" text\n) "
                    + "USING \"heap_copy\"");
            assertThat(result.notes()).anyMatch(note -> note.startsWith("Restoring access method heap_copy needs a "
                    + "superuser (only a superuser may create it, and the tables using it need it): run by another "
                    + "role it fails"));
            assertThat(result.notes()).anyMatch(note -> note.startsWith("Restoring text search parser "
                    + "public.default_copy needs a superuser (only a superuser may create it, and the configurations "
                    + "using it need it)"));
            assertThat(script.indexOf("CREATE TRANSFORM FOR integer LANGUAGE sql (FROM SQL WITH FUNCTION "
                    + "varchar_support(internal), TO SQL WITH FUNCTION int4recv(internal))"))
                    .isPositive().isLessThan(script.indexOf("FUNCTION public.transformed("));

            TestDatabase target = server.createDatabase();
            try {
                Psql.run(target, result.file());
                Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
            } finally {
                target.drop();
            }
            // Restored by the database's owner, the guarded objects are skipped with a warning naming each (what
            // uses them is left out of this second backup: it would fail).
            TestDatabase owned = server.createOwnedDatabase();
            try {
                Path withoutPartitionKey = directory.resolve(major + "-owner.sql");
                source.execute("DROP TEXT SEARCH CONFIGURATION public.copy_config",
                        "DROP TEXT SEARCH DICTIONARY public.simple_dict",
                        "DROP TABLE public.hashed", "DROP TABLE public.kept_apart CASCADE",
                        "DROP FOREIGN TABLE public.remote_items CASCADE", "DROP TABLE public.measures",
                        "DROP TABLE IF EXISTS public.stored",
                        "DROP FUNCTION public.transformed(integer)", "DROP INDEX public.ranked_backwards",
                        "DROP CAST (public.int42 AS integer)",
                        "DROP TYPE public.int42 CASCADE");
                Persistor.backup(source.selectOnlyDataSource()).allSchemas().to(withoutPartitionKey);
                String output = Psql.run(owned, withoutPartitionKey);
                assertThat(output).contains("operator class public.rev_int4_ops USING btree was not restored")
                        .contains("event trigger log_ddl was not restored")
                        .contains("access method heap_copy was not restored")
                        .contains("text search template public.simple_copy was not restored");
                assertThat(owned.fingerprint("public").lines()).contains(source.fingerprint("public").lines().stream()
                        .filter(line -> line.startsWith("database publication pub_some")).findFirst().orElseThrow());
            } finally {
                owned.drop();
            }
        } finally {
            source.drop();
        }
    }
}
