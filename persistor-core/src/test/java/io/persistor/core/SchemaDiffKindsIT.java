package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.Difference;
import io.persistor.SchemaComparison;
import io.persistor.SchemaDiff;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.TestDatabase;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** For each object kind, two databases that differ in one property give exactly that one difference. */
class SchemaDiffKindsIT {

    private static final String BASE = """
            CREATE COLLATION public.bytes (provider = libc, locale = 'C');
            CREATE TEXT SEARCH DICTIONARY public.words (TEMPLATE = pg_catalog.simple, STOPWORDS = english);
            CREATE TEXT SEARCH CONFIGURATION public.docs (COPY = pg_catalog.simple);
            CREATE TYPE public.mood AS ENUM ('sad', 'happy');
            CREATE DOMAIN public.positive AS integer CHECK (VALUE > 0);
            CREATE TYPE public.pair AS (a integer, b text);
            CREATE TYPE public.span AS RANGE (subtype = integer);
            CREATE SEQUENCE public.counter;
            CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
            CREATE TABLE public.item (id integer PRIMARY KEY, name text, qty public.positive, owner name);
            CREATE TABLE public.log (at date NOT NULL, note text) PARTITION BY RANGE (at);
            CREATE TABLE public.log_2024 PARTITION OF public.log FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE TRIGGER log_touch BEFORE UPDATE ON public.log FOR EACH ROW EXECUTE FUNCTION public.touch();
            CREATE TABLE public.child () INHERITS (public.item);
            CREATE INDEX item_name ON public.item (name);
            CREATE TRIGGER item_touch BEFORE UPDATE ON public.item FOR EACH ROW EXECUTE FUNCTION public.touch();
            CREATE RULE item_keep AS ON DELETE TO public.item DO INSTEAD NOTHING;
            ALTER TABLE public.item ENABLE ROW LEVEL SECURITY;
            CREATE POLICY item_mine ON public.item USING (owner = current_user);
            CREATE STATISTICS public.item_stats (ndistinct) ON name, qty FROM public.item;
            CREATE VIEW public.names AS SELECT name FROM public.item;
            CREATE MATERIALIZED VIEW public.counts AS SELECT count(*) AS n FROM public.item;
            CREATE UNIQUE INDEX counts_n ON public.counts (n);
            CREATE OPERATOR public.=~= (FUNCTION = texteq, LEFTARG = text, RIGHTARG = text);
            CREATE EXTENSION hstore WITH SCHEMA public;
            """;

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("DROP COLLATION public.bytes", "MISSING_IN_TARGET collation public.bytes"),
                Arguments.of("COMMENT ON OPERATOR public.=~= (text, text) IS 'same'",
                        "DIFFERENT operator public.=~=(text, text): comment: (none) vs same"),
                Arguments.of("ALTER TEXT SEARCH DICTIONARY public.words (ACCEPT = false)",
                        "DIFFERENT text search dictionary public.words: options:"),
                Arguments.of("ALTER TEXT SEARCH CONFIGURATION public.docs ALTER MAPPING FOR word WITH public.words",
                        "DIFFERENT text search configuration public.docs: mappings:"),
                Arguments.of("ALTER TYPE public.mood ADD VALUE 'meh'", "DIFFERENT enum public.mood: labels:"),
                Arguments.of("ALTER DOMAIN public.positive SET DEFAULT 1", "DIFFERENT domain public.positive: default: (none) vs 1"),
                Arguments.of("ALTER TYPE public.pair ADD ATTRIBUTE c integer", "DIFFERENT type public.pair: attributes:"),
                Arguments.of("DROP TYPE public.span", "MISSING_IN_TARGET range type public.span"),
                Arguments.of("ALTER SEQUENCE public.counter CYCLE", "DIFFERENT sequence public.counter: cycle: false vs true"),
                Arguments.of("CREATE OR REPLACE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN OLD; END'",
                        "DIFFERENT function public.touch(): definition:"),
                Arguments.of("ALTER TABLE ONLY public.item ALTER COLUMN name SET DEFAULT 'x'",
                        "DIFFERENT column public.item.name: default: (none) vs 'x'::text"),
                Arguments.of("ALTER TABLE ONLY public.item ALTER COLUMN name SET STATISTICS 300",
                        "DIFFERENT column public.item.name: statistics: (none) vs 300"),
                Arguments.of("COMMENT ON COLUMN public.item.name IS 'n'", "DIFFERENT column public.item.name: comment: (none) vs n"),
                Arguments.of("ALTER TABLE public.item DISABLE TRIGGER item_touch",
                        "DIFFERENT trigger public.item.item_touch: enabled: ORIGIN vs DISABLED"),
                Arguments.of("DROP RULE item_keep ON public.item", "MISSING_IN_TARGET rule public.item.item_keep"),
                Arguments.of("ALTER TABLE public.item FORCE ROW LEVEL SECURITY",
                        "DIFFERENT table public.item: force row security: (none) vs forced"),
                Arguments.of("ALTER POLICY item_mine ON public.item USING (true)", "DIFFERENT policy public.item.item_mine: using:"),
                Arguments.of("COMMENT ON EXTENSION hstore IS 'kv'", "DIFFERENT extension hstore: comment: (none) vs kv"),
                Arguments.of("DROP STATISTICS public.item_stats", "MISSING_IN_TARGET statistics public.item_stats"),
                Arguments.of("ALTER STATISTICS public.item_stats SET STATISTICS 40",
                        "DIFFERENT statistics public.item_stats: target: (none) vs 40"),
                Arguments.of("CREATE OR REPLACE VIEW public.names AS SELECT name FROM public.item WHERE id > 0",
                        "DIFFERENT view public.names: query:"),
                Arguments.of("DROP MATERIALIZED VIEW public.counts", "MISSING_IN_TARGET materialized view public.counts"),
                Arguments.of("ALTER MATERIALIZED VIEW public.counts CLUSTER ON counts_n",
                        "DIFFERENT materialized view public.counts: cluster on: (none) vs counts_n"),
                Arguments.of("DROP INDEX public.item_name", "MISSING_IN_TARGET index public.item_name"),
                Arguments.of("ALTER TABLE public.log_2024 DISABLE TRIGGER log_touch",
                        "EXTRA_IN_TARGET trigger public.log_2024.log_touch"),
                Arguments.of("ALTER TABLE public.log DETACH PARTITION public.log_2024",
                        "DIFFERENT table public.log_2024: partition of:"),
                Arguments.of("ALTER TABLE public.child NO INHERIT public.item", "DIFFERENT table public.child: inherits:"),
                Arguments.of("ALTER TABLE public.item ADD CONSTRAINT name_set CHECK (name IS NOT NULL)",
                        "EXTRA_IN_TARGET constraint public.item.name_set"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("changes")
    void findsExactlyTheOneChange(String change, String expected) {
        TestDatabase source = PostgresServers.defaultServer().createDatabase();
        TestDatabase target = PostgresServers.defaultServer().createDatabase();
        try {
            source.execute(BASE);
            target.execute(BASE, change);
            SchemaComparison comparison = SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource())
                    .compute();
            assertThat(comparison.differences()).as(comparison.report())
                    .filteredOn(d -> !d.toString().startsWith(expected)).isEmpty();
            assertThat(comparison.differences()).extracting(Difference::toString).anyMatch(d -> d.startsWith(expected));
        } finally {
            source.drop();
            target.drop();
        }
    }
}
