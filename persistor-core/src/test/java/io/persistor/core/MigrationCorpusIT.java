package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.Hazard;
import io.persistor.MigrationStep;
import io.persistor.SchemaComparison;
import io.persistor.SchemaDiff;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mutation corpus: a schema with deep dependency chains (views over views under a materialized view, a function
 * returning a view's rows, columns of enum, domain, composite and range types, a policy calling a function, a
 * generated column, an identity column, a partitioned table, inheritance, foreign keys in a cycle), changed one
 * property at a time on one side. For each change, on the oldest and newest majors, in both directions (on the newest also as an online-safe
 * plan), the migration with every hazard allowed makes the diff empty, uses no {@code CASCADE}, and the independent
 * fingerprint of the migrated target equals the source's, rows included, except the rows of tables whose columns the
 * migration had to add or drop.
 */
class MigrationCorpusIT {

    static final String BASE = """
            CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
            CREATE DOMAIN public.score AS integer DEFAULT 50 CONSTRAINT score_range CHECK (VALUE BETWEEN 0 AND 100);
            CREATE TYPE public.pair AS (a integer, b text);
            CREATE TYPE public.loose AS (x integer, y text);
            CREATE TYPE public.span AS RANGE (subtype = integer);
            CREATE SEQUENCE public.ticket START 100;
            CREATE FUNCTION public.double_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';
            CREATE FUNCTION public.is_admin() RETURNS boolean LANGUAGE sql STABLE AS 'SELECT current_user = ''admin''';
            CREATE FUNCTION public.shout(t text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT upper(t)';
            CREATE FUNCTION public.unpack(p public.loose) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT p.x';
            CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN NEW.updated := now(); RETURN NEW; END';
            CREATE TABLE public.team (id integer PRIMARY KEY, name text NOT NULL CONSTRAINT team_name_key UNIQUE, lead integer);
            CREATE TABLE public.member (id integer PRIMARY KEY, team_id integer NOT NULL REFERENCES public.team,
                name text NOT NULL, mood public.mood DEFAULT 'ok', score public.score, home public.pair,
                busy public.span, doubled integer GENERATED ALWAYS AS (public.double_it(id)) STORED,
                updated timestamptz, ticket integer DEFAULT nextval('public.ticket'),
                CONSTRAINT member_score_ok CHECK (score IS NULL OR score >= 0));
            ALTER TABLE public.team ADD CONSTRAINT team_lead_fkey FOREIGN KEY (lead) REFERENCES public.member
                DEFERRABLE INITIALLY DEFERRED;
            CREATE INDEX member_lower_name ON public.member (lower(name));
            CREATE TRIGGER member_touch BEFORE UPDATE ON public.member FOR EACH ROW EXECUTE FUNCTION public.touch();
            ALTER TABLE public.member ENABLE ROW LEVEL SECURITY;
            CREATE POLICY member_visible ON public.member USING (public.is_admin() OR mood <> 'sad');
            CREATE VIEW public.member_names AS SELECT id, name, mood FROM public.member;
            CREATE VIEW public.happy_members AS SELECT id, name FROM public.member_names WHERE mood = 'happy';
            CREATE VIEW public.loud_names AS SELECT public.shout(name) AS loud FROM public.member;
            CREATE MATERIALIZED VIEW public.happy_count AS SELECT count(*) AS n FROM public.happy_members;
            CREATE UNIQUE INDEX happy_count_n ON public.happy_count (n);
            CREATE FUNCTION public.happy_list() RETURNS SETOF public.happy_members LANGUAGE sql STABLE
                AS 'SELECT * FROM public.happy_members';
            CREATE TABLE public.event (id integer, at date NOT NULL, what text) PARTITION BY RANGE (at);
            CREATE TABLE public.event_2024 PARTITION OF public.event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE TABLE public.base_log (id integer, note text);
            CREATE TABLE public.badge (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, label text);
            CREATE TABLE public.child_log (extra integer) INHERITS (public.base_log);
            COMMENT ON VIEW public.happy_members IS 'the happy ones';
            INSERT INTO public.team VALUES (1, 'red', NULL), (2, 'blue', NULL);
            INSERT INTO public.member (id, team_id, name, mood, score, home, busy)
                VALUES (1, 1, 'Ann', 'happy', 90, '(1,a)', '[1,5)'), (2, 1, 'Bob', 'sad', 10, NULL, NULL),
                       (3, 2, 'Cy', 'ok', 40, '(2,b)', '[2,3)');
            UPDATE public.team SET lead = 1 WHERE id = 1;
            INSERT INTO public.event VALUES (1, '2024-03-01', 'x');
            INSERT INTO public.child_log VALUES (1, 'n', 5);
            REFRESH MATERIALIZED VIEW public.happy_count;
            """;

    /** Each change, by the kind of object it touches. */
    static final List<String[]> MUTATIONS = List.of(
            m("enum", "ALTER TYPE public.mood ADD VALUE 'meh' BEFORE 'ok'"),
            m("enum", "ALTER TYPE public.mood RENAME VALUE 'ok' TO 'fine'"),
            m("domain", "ALTER DOMAIN public.score DROP CONSTRAINT score_range"),
            m("domain", "ALTER DOMAIN public.score ADD CONSTRAINT score_even CHECK (VALUE % 2 = 0)"),
            m("domain", "ALTER DOMAIN public.score DROP DEFAULT"),
            m("domain", "ALTER DOMAIN public.score SET NOT NULL"),
            m("composite type", "ALTER TYPE public.loose ADD ATTRIBUTE z date"),
            m("composite type", "ALTER TYPE public.loose ALTER ATTRIBUTE y TYPE varchar(20)"),
            m("composite type", "ALTER TYPE public.loose DROP ATTRIBUTE y"),
            m("composite type", "COMMENT ON TYPE public.pair IS 'two things'"),
            m("range type", "COMMENT ON TYPE public.span IS 'from to'"),
            m("sequence", "ALTER SEQUENCE public.ticket INCREMENT BY 5 MAXVALUE 100000 CYCLE"),
            m("function", "CREATE OR REPLACE FUNCTION public.shout(t text) RETURNS text LANGUAGE sql IMMUTABLE"
                    + " AS 'SELECT upper(t) || ''!'''"),
            m("function", "DROP VIEW public.loud_names; DROP FUNCTION public.shout(text);"
                    + " CREATE FUNCTION public.shout(t text) RETURNS varchar LANGUAGE sql IMMUTABLE AS 'SELECT upper(t)';"
                    + " CREATE VIEW public.loud_names AS SELECT public.shout(name) AS loud FROM public.member"),
            m("function", "DROP FUNCTION public.happy_list()"),
            m("function", "ALTER FUNCTION public.is_admin() SECURITY DEFINER"),
            m("table", "CREATE TABLE public.extra (id integer PRIMARY KEY, team_id integer REFERENCES public.team)"),
            m("table", "ALTER TABLE public.team SET (fillfactor = 70)"),
            m("table", "ALTER TABLE public.base_log SET UNLOGGED"),
            m("table", "ALTER TABLE public.member FORCE ROW LEVEL SECURITY"),
            m("table", "ALTER TABLE public.team REPLICA IDENTITY FULL"),
            // Only this way round: no statement makes the columns a child declared itself inherited-only again.
            sourceOnly("table", "ALTER TABLE public.child_log NO INHERIT public.base_log"),
            m("table", "ALTER TABLE public.event DETACH PARTITION public.event_2024"),
            m("table", "COMMENT ON TABLE public.team IS 'the teams'"),
            m("identity", "ALTER TABLE public.badge ALTER COLUMN id SET GENERATED BY DEFAULT"),
            m("identity", "ALTER TABLE public.badge ALTER COLUMN id SET INCREMENT BY 5 SET MAXVALUE 100000 SET CYCLE"),
            m("identity", "ALTER TABLE public.badge ALTER COLUMN id DROP IDENTITY"),
            m("identity", "ALTER TABLE public.badge ALTER COLUMN id TYPE bigint"),
            since17("column", "ALTER TABLE public.member ALTER COLUMN doubled SET EXPRESSION AS (public.double_it(id) + 1)"),
            m("column", "ALTER TABLE public.team ADD COLUMN motto text DEFAULT 'go'"),
            m("column", "ALTER TABLE public.event ADD COLUMN source text DEFAULT 'web'"),
            m("column", "ALTER TABLE public.event ALTER COLUMN what TYPE varchar(50)"),
            m("column", "ALTER TABLE public.event ALTER COLUMN id SET NOT NULL"),
            m("column", "ALTER TABLE public.base_log ADD COLUMN origin text"),
            m("column", "ALTER TABLE public.base_log ALTER COLUMN note TYPE varchar(200)"),
            m("column", "ALTER TABLE public.team DROP COLUMN lead"),
            m("column", "DROP VIEW public.loud_names; DROP MATERIALIZED VIEW public.happy_count;"
                    + " DROP FUNCTION public.happy_list(); DROP VIEW public.happy_members; DROP VIEW public.member_names;"
                    + " ALTER TABLE public.member ALTER COLUMN name TYPE varchar(100);"
                    + " CREATE VIEW public.member_names AS SELECT id, name, mood FROM public.member"),
            m("column", "ALTER TABLE public.member ALTER COLUMN ticket TYPE bigint"),
            m("column", "ALTER TABLE public.member ALTER COLUMN mood DROP DEFAULT"),
            m("column", "ALTER TABLE public.team ALTER COLUMN name DROP NOT NULL"),
            m("column", "ALTER TABLE public.team ALTER COLUMN name SET STATISTICS 500"),
            m("column", "ALTER TABLE public.team ALTER COLUMN name SET STORAGE MAIN"),
            m("column", "COMMENT ON COLUMN public.member.name IS 'full name'"),
            m("constraint", "ALTER TABLE public.member DROP CONSTRAINT member_score_ok"),
            m("constraint", "ALTER TABLE public.team DROP CONSTRAINT team_name_key"),
            m("constraint", "ALTER TABLE public.team DROP CONSTRAINT team_lead_fkey"),
            m("constraint", "ALTER TABLE public.member ADD CONSTRAINT member_name_len CHECK (length(name) < 50) NOT VALID"),
            m("index", "DROP INDEX public.member_lower_name"),
            m("index", "DROP INDEX public.member_lower_name; CREATE INDEX member_lower_name ON public.member (upper(name))"),
            m("index", "CREATE INDEX team_lead ON public.team (lead)"),
            m("index", "CREATE INDEX event_what ON public.event (what)"),
            m("index", "CREATE INDEX event_what ON public.event (what); CREATE TABLE public.event_2025 PARTITION OF"
                    + " public.event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"),
            m("constraint", "ALTER TABLE public.event ADD CONSTRAINT event_key UNIQUE (id, at)"),
            m("trigger", "DROP TRIGGER member_touch ON public.member"),
            m("trigger", "ALTER TABLE public.member DISABLE TRIGGER member_touch"),
            m("policy", "DROP POLICY member_visible ON public.member"),
            m("policy", "ALTER POLICY member_visible ON public.member USING (true)"),
            m("rule", "CREATE RULE team_keep AS ON DELETE TO public.team DO INSTEAD NOTHING"),
            m("statistics", "CREATE STATISTICS public.member_stats (ndistinct) ON name, mood FROM public.member"),
            m("view", "CREATE OR REPLACE VIEW public.loud_names AS SELECT public.shout(name) AS loud, id FROM public.member"),
            m("view", "DROP VIEW public.loud_names; CREATE VIEW public.loud_names AS SELECT id AS loud FROM public.member"),
            m("view", "DROP MATERIALIZED VIEW public.happy_count; DROP FUNCTION public.happy_list();"
                    + " DROP VIEW public.happy_members"),
            m("view", "COMMENT ON VIEW public.happy_members IS 'changed'"),
            m("view", "CREATE VIEW public.team_sizes AS SELECT t.id, t.name, count(m.id) AS n FROM public.team t"
                    + " LEFT JOIN public.member m ON m.team_id = t.id GROUP BY t.id"),
            m("materialized view", "DROP MATERIALIZED VIEW public.happy_count;"
                    + " CREATE MATERIALIZED VIEW public.happy_count AS SELECT count(*) + 0 AS n FROM public.happy_members;"
                    + " CREATE UNIQUE INDEX happy_count_n ON public.happy_count (n)"),
            m("materialized view", "DROP INDEX public.happy_count_n"));

    private static String[] m(String kind, String sql) {
        return new String[] {kind, sql, "both"};
    }

    private static String[] sourceOnly(String kind, String sql) {
        return new String[] {kind, sql, "source"};
    }

    /** A change only PostgreSQL 17 and later can make in place. */
    private static String[] since17(String kind, String sql) {
        return new String[] {kind, sql, "both", "17"};
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int major : List.of(13, 18)) {
            for (String[] mutation : MUTATIONS) {
                if (mutation.length > 3 && major < Integer.parseInt(mutation[3])) {
                    continue;
                }
                for (String side : List.of("target", "source")) {
                    if (mutation[2].equals("source") && side.equals("target")) {
                        continue;
                    }
                    cases.add(Arguments.of(major, side, mutation[0], mutation[1], ""));
                    if (major == 18) {
                        cases.add(Arguments.of(major, side, mutation[0], mutation[1], "online-safe"));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}, {2} changed in the {1}, {4} plan: {3}")
    @MethodSource("cases")
    void theMigrationMakesTheTargetTheSource(int major, String side, String kind, String mutation, String form)
            throws Exception {
        TestDatabase source = PostgresServers.major(major).createDatabase();
        TestDatabase target = PostgresServers.major(major).createDatabase();
        try {
            source.execute(BASE);
            target.execute(BASE);
            (side.equals("target") ? target : source).execute(mutation);
            SchemaDiff diff = SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource())
                    .allow(Hazard.values());
            SchemaComparison comparison = (form.equals("online-safe") ? diff.onlineSafe() : diff).compute();
            assertThat(comparison.isEmpty()).as("the change is seen").isFalse();
            String plan = comparison.migrationSql();
            assertThat(plan).doesNotContainIgnoringCase("CASCADE");
            assertThat(comparison.steps()).as(plan).allMatch(MigrationStep::written);

            apply(comparison, target);

            SchemaComparison after = SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource())
                    .compute();
            assertThat(after.differences()).as(plan).isEmpty();
            Set<String> reshaped = reshapedTables(comparison);
            assertThat(withoutRowsOf(target.fingerprint("public").lines(), reshaped)).as(plan)
                    .containsExactlyElementsOf(withoutRowsOf(source.fingerprint("public").lines(), reshaped));
        } finally {
            source.drop();
            target.drop();
        }
    }

    /** Runs the written steps as a DBA would: in one transaction, except those that must stand alone, run on their own. */
    static void apply(SchemaComparison comparison, TestDatabase database) throws Exception {
        try (Connection connection = database.superuserDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (MigrationStep step : comparison.steps()) {
                if (!step.written()) {
                    continue;
                }
                if (!step.transactional()) {
                    connection.commit();
                    connection.setAutoCommit(true);
                }
                try {
                    statement.execute(step.sql());
                } catch (java.sql.SQLException e) {
                    throw new AssertionError(e.getMessage() + " in step: " + step.sql() + "\nof the migration:\n"
                            + comparison.migrationSql(), e);
                }
                if (!step.transactional()) {
                    connection.setAutoCommit(false);
                }
            }
            connection.commit();
        }
    }

    /** Tables that gain or lose columns, or go: their rows cannot match the other side's. */
    private static Set<String> reshapedTables(SchemaComparison comparison) {
        Set<String> tables = new TreeSet<>();
        Pattern table = Pattern.compile("^ALTER TABLE (?:ONLY )?(\\S+) (?:ADD|DROP) COLUMN|^DROP TABLE (\\S+)");
        for (MigrationStep step : comparison.steps()) {
            Matcher matcher = table.matcher(step.sql());
            if (matcher.find()) {
                tables.add((matcher.group(1) != null ? matcher.group(1) : matcher.group(2)).replace("\"", ""));
            }
        }
        return tables;
    }

    private static List<String> withoutRowsOf(List<String> lines, Set<String> tables) {
        return lines.stream().filter(line -> tables.stream().noneMatch(t -> line.startsWith("rows " + t + " ")))
                .toList();
    }
}
