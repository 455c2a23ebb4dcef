package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.Difference;
import io.persistor.SchemaComparison;
import io.persistor.SchemaDiff;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SchemaDiff finds every kind of difference, says what differs, and writes a migration that closes it. */
@ExtendWith(FreshDatabase.class)
class SchemaDiffIT {

    private static final String BASE = """
            CREATE TYPE public.mood AS ENUM ('sad', 'happy');
            CREATE SEQUENCE public.counter INCREMENT BY 2;
            CREATE FUNCTION public.twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';
            CREATE TABLE public.product (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2) DEFAULT 0,
                mood public.mood, CONSTRAINT price_positive CHECK (price >= 0));
            CREATE INDEX product_name ON public.product (name);
            CREATE VIEW public.cheap AS SELECT id, name FROM public.product WHERE price < 10;
            COMMENT ON TABLE public.product IS 'things we sell';
            """;

    @Test
    void identicalDatabasesHaveNoDifferences(TestDatabase a) {
        TestDatabase b = a.server().createDatabase();
        try {
            a.execute(BASE);
            b.execute(BASE);
            SchemaComparison comparison = SchemaDiff.between(a.superuserDataSource(), b.superuserDataSource()).compute();
            assertThat(comparison.differences()).isEmpty();
            assertThat(comparison.isEmpty()).isTrue();
            assertThat(comparison.report()).isEqualTo("No differences.\n");
            assertThat(comparison.migration()).isEmpty();
        } finally {
            b.drop();
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0} against 17")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void theWholeObjectSetComparesEqualAcrossMajors(int major) {
        TestDatabase a = PostgresServers.major(major).createDatabase();
        TestDatabase b = PostgresServers.major(17).createDatabase();
        try {
            CatalogRoundTripIT.seed(a, 13);
            CatalogRoundTripIT.seed(b, 13);
            SchemaComparison comparison = SchemaDiff.between(a.superuserDataSource(), b.superuserDataSource())
                    .schemas("app", CatalogRoundTripIT.ODD_SCHEMA).compute();
            assertThat(comparison.differences()).isEmpty();
        } finally {
            a.drop();
            b.drop();
        }
    }

    @Test
    void namesEachDifferingPropertyOfEachKind(TestDatabase source) {
        TestDatabase target = source.server().createDatabase();
        try {
            source.execute(BASE, "ALTER TYPE public.mood ADD VALUE 'meh'", "CREATE TABLE public.extra_in_source (id int)");
            target.execute(BASE, "DROP VIEW public.cheap",
                    "ALTER TABLE public.product ALTER COLUMN price TYPE numeric(12,2)",
                    "ALTER TABLE public.product ALTER COLUMN name DROP NOT NULL",
                    "ALTER TABLE public.product ADD COLUMN note text",
                    "DROP INDEX public.product_name", "CREATE INDEX product_name ON public.product (name DESC)",
                    "ALTER SEQUENCE public.counter INCREMENT BY 3",
                    "CREATE OR REPLACE FUNCTION public.twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x + x'",
                    "CREATE VIEW public.cheap AS SELECT id, name FROM public.product WHERE price < 20",
                    "COMMENT ON TABLE public.product IS 'old comment'",
                    "ALTER TABLE public.product DROP CONSTRAINT price_positive",
                    "ALTER TABLE public.product ADD CONSTRAINT price_positive CHECK (price > 0)");
            SchemaComparison comparison = SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource())
                    .compute();

            assertThat(comparison.differences()).extracting(Difference::toString).contains(
                    "DIFFERENT enum public.mood: labels: [sad, happy, meh] vs [sad, happy]",
                    "DIFFERENT sequence public.counter: increment: 2 vs 3",
                    "MISSING_IN_TARGET table public.extra_in_source",
                    "DIFFERENT table public.product: comment: things we sell vs old comment",
                    "DIFFERENT column public.product.name: not null: not null vs (none)",
                    "DIFFERENT column public.product.price: type: numeric(10,2) vs numeric(12,2)",
                    "EXTRA_IN_TARGET column public.product.note",
                    "DIFFERENT constraint public.product.price_positive: definition: CHECK ((price >= (0)::numeric))"
                            + " vs CHECK ((price > (0)::numeric))",
                    "DIFFERENT index public.product_name: definition: CREATE INDEX product_name ON public.product USING"
                            + " btree (name) vs CREATE INDEX product_name ON public.product USING btree (name DESC)");
            assertThat(comparison.differences()).anyMatch(d -> d.kind().equals("function")
                    && d.change() == Difference.Change.DIFFERENT && d.details().get(0).startsWith("definition:"));
            assertThat(comparison.differences()).anyMatch(d -> d.kind().equals("view") && d.name().equals("public.cheap"));
            assertThat(comparison.json()).contains("\"kind\": \"column\", \"name\": \"public.product.price\"");
            assertThat(comparison.migrationSql()).contains("-- HAZARD").contains("DROP COLUMN \"note\"");
        } finally {
            target.drop();
        }
    }

    @Test
    void theMigrationMakesTheTargetMatch(TestDatabase source) throws Exception {
        PostgresServer server = source.server();
        TestDatabase target = server.createDatabase();
        try {
            source.execute(BASE, "ALTER TYPE public.mood ADD VALUE 'meh'",
                    "ALTER TABLE public.product ADD COLUMN added text DEFAULT 'x'",
                    "ALTER TABLE public.product ALTER COLUMN price SET DEFAULT 5",
                    "DROP VIEW public.cheap",
                    "ALTER TABLE public.product ALTER COLUMN price TYPE numeric(12,2)",
                    "CREATE INDEX product_price ON public.product (price)",
                    "ALTER TABLE public.product ADD CONSTRAINT name_unique UNIQUE (name)",
                    "CREATE VIEW public.cheap AS SELECT id, name, price FROM public.product WHERE price < 10",
                    "CREATE OR REPLACE FUNCTION public.twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x + x'",
                    "CREATE TABLE public.orders (id serial PRIMARY KEY, product_id int REFERENCES public.product)",
                    "CREATE INDEX orders_product ON public.orders (product_id)",
                    "COMMENT ON INDEX public.orders_product IS 'lookups'",
                    "COMMENT ON COLUMN public.product.name IS 'what it is called'",
                    "COMMENT ON TABLE public.product IS 'changed'",
                    "CREATE TEXT SEARCH DICTIONARY public.words (TEMPLATE = pg_catalog.simple, STOPWORDS = english)",
                    "CREATE TEXT SEARCH CONFIGURATION public.docs (COPY = pg_catalog.english)",
                    "ALTER TEXT SEARCH CONFIGURATION public.docs ALTER MAPPING FOR word WITH public.words, english_stem",
                    "COMMENT ON TEXT SEARCH CONFIGURATION public.docs IS 'documents'");
            target.execute(BASE, "ALTER TABLE public.product ADD COLUMN obsolete int", "CREATE TABLE public.old (id int)");

            assertMigrationCloses(SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource())
                    .allowDestructive(), source, target);
        } finally {
            target.drop();
        }
    }

    @Test
    void theMigrationCreatesObjectsInTheOrderTheirDependenciesNeed(TestDatabase source) throws Exception {
        TestDatabase target = source.server().createDatabase();
        try {
            source.execute("""
                    SET check_function_bodies = off;
                    CREATE TYPE public.zz_point AS (x float8, y float8);
                    CREATE DOMAIN public.aa_positive_point AS public.zz_point CHECK ((VALUE).x >= 0);
                    CREATE DOMAIN public.aa_small AS int;
                    CREATE TABLE public.aa_people (id int, boss int, home public.aa_positive_point);
                    ALTER TABLE public.aa_people ADD CONSTRAINT aa_people_pkey PRIMARY KEY (id);
                    ALTER TABLE public.aa_people ADD CONSTRAINT aa_people_boss_fkey FOREIGN KEY (boss) REFERENCES public.aa_people (id);
                    ALTER TABLE public.aa_people REPLICA IDENTITY USING INDEX aa_people_pkey;
                    COMMENT ON CONSTRAINT aa_people_boss_fkey ON public.aa_people IS 'who answers to whom';
                    CREATE FUNCTION public.aa_people_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM public.zz_log';
                    CREATE FUNCTION public.aa_everyone() RETURNS SETOF public.aa_people LANGUAGE sql AS 'SELECT * FROM public.aa_people';
                    CREATE TABLE public.zz_log (what text);
                    CREATE RULE aa_logged AS ON UPDATE TO public.aa_people DO ALSO INSERT INTO public.zz_log VALUES ('update');
                    CREATE FUNCTION public.aa_noop() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
                    CREATE TRIGGER aa_quiet BEFORE INSERT ON public.aa_people FOR EACH ROW EXECUTE FUNCTION public.aa_noop();
                    ALTER TABLE public.aa_people DISABLE TRIGGER aa_quiet;
                    COMMENT ON TRIGGER aa_quiet ON public.aa_people IS 'off';
                    CREATE TABLE public.aa_parted (id int, k int) PARTITION BY LIST (k);
                    CREATE TABLE public.aa_parted_1 PARTITION OF public.aa_parted FOR VALUES IN (1);
                    CREATE TRIGGER aa_parted_noop BEFORE INSERT ON public.aa_parted FOR EACH ROW EXECUTE FUNCTION public.aa_noop();
                    ALTER TABLE public.aa_parted_1 DISABLE TRIGGER aa_parted_noop;
                    CREATE TABLE public.aa_values (v public.aa_small);
                    INSERT INTO public.aa_values VALUES (-1);
                    ALTER DOMAIN public.aa_small ADD CONSTRAINT aa_small_positive CHECK (VALUE > 0) NOT VALID;
                    """);

            assertMigrationCloses(SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource()),
                    source, target);
        } finally {
            target.drop();
        }
    }

    @Test
    void comparesASchemaWithADifferentlyNamedOne(TestDatabase database) {
        database.execute(BASE, "CREATE SCHEMA copy", "COMMENT ON SCHEMA copy IS 'standard public schema'",
                "CREATE TYPE copy.mood AS ENUM ('sad', 'happy')",
                "CREATE SEQUENCE copy.counter INCREMENT BY 2",
                "CREATE FUNCTION copy.twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x * 2'",
                "CREATE TABLE copy.product (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2) DEFAULT 0, "
                        + "mood copy.mood, CONSTRAINT price_positive CHECK (price >= 0))",
                "CREATE INDEX product_name ON copy.product (name)",
                "CREATE VIEW copy.cheap AS SELECT id, name FROM copy.product WHERE price < 10",
                "COMMENT ON TABLE copy.product IS 'things we sell'");
        SchemaComparison comparison = SchemaDiff.between(database.superuserDataSource(), database.superuserDataSource())
                .mapSchema("public", "copy").compute();
        assertThat(comparison.differences()).isEmpty();
        assertThat(List.of(comparison.report())).containsExactly("No differences.\n");
    }

    /** Runs the migration of a comparison that finds differences on the target; then there are none left. */
    private static void assertMigrationCloses(SchemaDiff diff, TestDatabase source, TestDatabase target)
            throws Exception {
        SchemaComparison before = diff.compute();
        assertThat(before.isEmpty()).isFalse();
        try (var connection = target.superuserDataSource().getConnection();
             var statement = connection.createStatement()) {
            for (String sql : before.migration()) {
                statement.execute(sql);
            }
        }
        SchemaComparison after = SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource())
                .compute();
        assertThat(after.differences()).as(before.migrationSql()).isEmpty();
    }
}
