package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.Difference;
import io.persistor.Hazard;
import io.persistor.MigrationStep;
import io.persistor.MigrationVerification;
import io.persistor.SchemaComparison;
import io.persistor.SchemaDiff;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A migration never loses an object: what depends on a view, domain or column that must change is dropped and
 * created again explicitly (a materialized view with its rows and index, a function returning a view's rows), a
 * statement left out for its hazards takes only what belongs with it, and {@code verify} proves the plan.
 */
class SchemaMigrationIT {

    private static final String SCHEMA = """
            CREATE DOMAIN public.amount AS numeric(10,2) CONSTRAINT amount_positive CHECK (VALUE > 0);
            CREATE FUNCTION public.stamp() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN NEW.placed := current_date; RETURN NEW; END';
            CREATE TABLE public.orders (id integer PRIMARY KEY, customer text NOT NULL, total public.amount,
                placed date, code text CONSTRAINT orders_code_key UNIQUE);
            CREATE INDEX orders_placed ON public.orders (placed);
            ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;
            CREATE POLICY orders_own ON public.orders USING (customer = current_user);
            CREATE TRIGGER orders_stamp BEFORE INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION public.stamp();
            INSERT INTO public.orders VALUES (1, 'ann', 150, '2024-01-01', 'a'), (2, 'bob', 50, '2024-01-02', 'b'),
                (3, 'ann', 300, '2024-01-03', 'c');
            """;

    private static final String VIEWS = """
            CREATE VIEW public.big_orders AS SELECT id, customer FROM public.order_totals WHERE total > 100;
            CREATE MATERIALIZED VIEW public.big_order_count AS
                SELECT customer, count(*) AS n FROM public.big_orders GROUP BY customer;
            CREATE UNIQUE INDEX big_order_count_customer ON public.big_order_count (customer);
            COMMENT ON MATERIALIZED VIEW public.big_order_count IS 'kept by the migration';
            CREATE FUNCTION public.big_orders_of(c text) RETURNS SETOF public.big_orders LANGUAGE sql STABLE
                AS 'SELECT * FROM public.big_orders WHERE customer = c';
            """;

    private static final String SOURCE = SCHEMA
            + "CREATE VIEW public.order_totals AS SELECT id, customer, total FROM public.orders;\n" + VIEWS;

    /** The target: one view with a column more, a domain check gone, a column's type changed, members dropped. */
    private static final String TARGET = SCHEMA.replace("customer text NOT NULL", "customer varchar(40) NOT NULL")
            + "CREATE VIEW public.order_totals AS SELECT id, customer, total, placed FROM public.orders;\n" + VIEWS
            + """
            ALTER DOMAIN public.amount DROP CONSTRAINT amount_positive;
            DROP INDEX public.orders_placed;
            DROP POLICY orders_own ON public.orders;
            DROP TRIGGER orders_stamp ON public.orders;
            ALTER TABLE public.orders DROP CONSTRAINT orders_code_key;
            """;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {13, 18})
    void dependentsComeBackWithTheirRowsAndNothingIsCascaded(int major) throws Exception {
        onMajor(major, (source, target, scratch) -> {
            SchemaComparison comparison = SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource())
                    .allowDestructive().compute();
            String plan = comparison.migrationSql();
            assertThat(plan).doesNotContainIgnoringCase("CASCADE")
                    .contains("ALTER DOMAIN \"public\".\"amount\" ADD CONSTRAINT \"amount_positive\"")
                    .contains("DROP MATERIALIZED VIEW \"public\".\"big_order_count\"")
                    .contains("DROP FUNCTION \"public\".\"big_orders_of\"(c text)");
            assertThat(comparison.steps()).anyMatch(s -> s.hazards().contains(Hazard.BREAKS_DEPENDENTS))
                    .anyMatch(s -> s.sql().contains("TYPE text") && s.hazards().contains(Hazard.TABLE_REWRITE)
                            && s.lock() == MigrationStep.Lock.ACCESS_EXCLUSIVE);
            assertThat(comparison.json()).contains("\"hazards\": [\"TABLE_REWRITE\", \"MAY_FAIL_ON_DATA\"]")
                    .contains("\"summary\": {");

            MigrationVerification verification = comparison.verify(scratch.superuserDataSource());
            assertThat(verification.isGood()).as(verification.report() + plan).isTrue();

            MigrationCorpusIT.apply(comparison, target);
            assertThat(SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource()).compute()
                    .differences()).as(plan).isEmpty();
            assertThat(single(target, "SELECT string_agg(customer || '=' || n, ',') FROM public.big_order_count"))
                    .isEqualTo("ann=2");
            assertThat(single(target, "SELECT count(*) FROM public.big_orders_of('ann')")).isEqualTo("2");
            assertThat(single(target, "SELECT string_agg(customer, ',' ORDER BY id) FROM public.orders"))
                    .isEqualTo("ann,bob,ann");
        });
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {13, 18})
    void aChangeLeftOutTakesOnlyWhatBelongsWithIt(int major) throws Exception {
        onMajor(major, (source, target, scratch) -> {
            SchemaComparison comparison = SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource())
                    .compute();
            assertThat(comparison.steps()).filteredOn(s -> !s.written()).singleElement()
                    .satisfies(s -> assertThat(s.sql()).contains("ALTER COLUMN \"customer\" TYPE text"))
                    .satisfies(s -> assertThat(s.note()).contains("view public.order_totals"));
            assertThat(comparison.migrationSql())
                    .contains("-- HAZARD (table rewrite, full scan, may fail on data, breaks dependents")
                    .doesNotContainIgnoringCase("CASCADE");

            MigrationVerification verification = comparison.verify(scratch.superuserDataSource());
            assertThat(verification.isGood()).isFalse();
            assertThat(verification.failure()).isNull();
            // The column keeps its type, and the policy reading it is rendered with a cast on varchar.
            assertThat(verification.remaining()).extracting(Difference::name)
                    .containsExactly("public.orders.customer", "public.orders.orders_own");

            MigrationCorpusIT.apply(comparison, target);
            assertThat(SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource()).compute()
                    .differences()).extracting(Difference::name)
                    .containsExactly("public.orders.customer", "public.orders.orders_own");
            assertThat(single(target, "SELECT string_agg(customer || '=' || n, ',') FROM public.big_order_count"))
                    .isEqualTo("ann=2");
        });
    }

    /** A test's body, given the source and the target of the scenario and an empty scratch database. */
    private interface Scenario {
        void run(TestDatabase source, TestDatabase target, TestDatabase scratch) throws Exception;
    }

    private static void onMajor(int major, Scenario scenario) throws Exception {
        TestDatabase source = PostgresServers.major(major).createDatabase();
        TestDatabase target = PostgresServers.major(major).createDatabase();
        TestDatabase scratch = PostgresServers.major(major).createDatabase();
        try {
            source.execute(SOURCE);
            target.execute(TARGET);
            scenario.run(source, target, scratch);
        } finally {
            source.drop();
            target.drop();
            scratch.drop();
        }
    }

    private static String single(TestDatabase database, String query) throws Exception {
        try (Connection connection = database.superuserDataSource().getConnection();
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
