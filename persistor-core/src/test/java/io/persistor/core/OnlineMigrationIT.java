package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.Hazard;
import io.persistor.MigrationStep;
import io.persistor.MigrationStep.Lock;
import io.persistor.MigrationVerification;
import io.persistor.SchemaComparison;
import io.persistor.SchemaDiff;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An online-safe plan reads no existing table while holding a lock that blocks writes: indexes are built and
 * dropped concurrently (a changed one built under another name and swapped in), checks and foreign keys are added
 * {@code NOT VALID} and validated on their own, {@code SET NOT NULL} follows a validated check, keys are attached
 * {@code USING INDEX}; and the plan still makes the target the source, rows untouched.
 */
class OnlineMigrationIT {

    private static final String BASE = """
            CREATE TABLE public.account (id integer NOT NULL, email text, region text NOT NULL, score integer);
            CREATE TABLE public.event (id integer NOT NULL, account_id integer, at date, kind text);
            CREATE TABLE public.log (at date NOT NULL, line text) PARTITION BY RANGE (at);
            CREATE TABLE public.log_2024 PARTITION OF public.log FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            INSERT INTO public.account SELECT g, 'user' || g || '@example.org', 'r' || g % 3, g FROM generate_series(1, 50) g;
            INSERT INTO public.event SELECT g, g % 50 + 1, date '2024-01-01' + g, 'k' || g % 4 FROM generate_series(1, 200) g;
            INSERT INTO public.log SELECT date '2024-01-01' + g, 'line ' || g FROM generate_series(1, 100) g;
            """;

    private static final String SOURCE = BASE + """
            ALTER TABLE public.account ALTER COLUMN email SET NOT NULL;
            ALTER TABLE public.account ADD CONSTRAINT account_pkey PRIMARY KEY (id);
            ALTER TABLE public.account ADD CONSTRAINT account_email_key UNIQUE (email) INCLUDE (region);
            ALTER TABLE public.account ADD CONSTRAINT account_score_ok CHECK (score >= 0);
            CREATE INDEX account_region ON public.account (region, id);
            CREATE INDEX event_at ON public.event (at);
            ALTER TABLE public.event ADD CONSTRAINT event_account_fkey FOREIGN KEY (account_id) REFERENCES public.account;
            CREATE INDEX log_at ON public.log (at);
            """;

    private static final String TARGET = BASE + """
            CREATE INDEX account_region ON public.account (region);
            CREATE INDEX event_kind ON public.event (kind);
            """;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {13, 18})
    void noExistingTableIsReadUnderALockThatBlocksWrites(int major) throws Exception {
        TestDatabase source = PostgresServers.major(major).createDatabase();
        TestDatabase target = PostgresServers.major(major).createDatabase();
        TestDatabase scratch = PostgresServers.major(major).createDatabase();
        try {
            source.execute(SOURCE);
            target.execute(TARGET);
            SchemaDiff diff = SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource());
            SchemaComparison blocking = diff.compute();
            assertThat(blocking.steps()).as("the scenario has blocking changes to make online")
                    .anyMatch(s -> s.hazards().contains(Hazard.BLOCKING_INDEX_BUILD) && s.lock() == Lock.SHARE)
                    .anyMatch(s -> s.hazards().contains(Hazard.FULL_SCAN) && s.lock() == Lock.ACCESS_EXCLUSIVE);

            SchemaComparison online = SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource())
                    .onlineSafe().compute();
            String plan = online.migrationSql();
            List<MigrationStep> steps = online.steps();
            assertThat(steps.get(0).sql()).isEqualTo("SET lock_timeout = '5s';");
            assertThat(steps.get(1).sql()).isEqualTo("SET statement_timeout = '1h';");
            assertThat(steps).as(plan).allMatch(MigrationStep::written)
                    .anySatisfy(s -> assertThat(s.sql()).startsWith("CREATE INDEX CONCURRENTLY event_at ON public.event")
                            .satisfies(sql -> assertThat(s.transactional()).isFalse()))
                    .anySatisfy(s -> assertThat(s.sql())
                            .startsWith("CREATE INDEX CONCURRENTLY \"account_region_persistor_new\" ON public.account"))
                    .anySatisfy(s -> assertThat(s.sql())
                            .isEqualTo("DROP INDEX CONCURRENTLY \"public\".\"account_region\";"))
                    .anySatisfy(s -> assertThat(s.sql()).isEqualTo("ALTER INDEX \"public\".\"account_region_persistor_new\""
                            + " RENAME TO \"account_region\";"))
                    .anySatisfy(s -> assertThat(s.sql())
                            .isEqualTo("DROP INDEX CONCURRENTLY IF EXISTS \"public\".\"event_kind\";"))
                    .anySatisfy(s -> assertThat(s.sql()).contains("ADD CONSTRAINT \"event_account_fkey\" FOREIGN KEY")
                            .endsWith(" NOT VALID;"))
                    .anySatisfy(s -> assertThat(s.sql()).contains("VALIDATE CONSTRAINT \"event_account_fkey\"")
                            .satisfies(sql -> assertThat(s.transactional()).isFalse())
                            .satisfies(sql -> assertThat(s.lock()).isEqualTo(Lock.SHARE_UPDATE_EXCLUSIVE)))
                    .anySatisfy(s -> assertThat(s.sql()).contains("VALIDATE CONSTRAINT \"account_score_ok\""))
                    .anySatisfy(s -> assertThat(s.sql()).isEqualTo("CREATE UNIQUE INDEX CONCURRENTLY \"account_email_key\""
                            + " ON \"public\".\"account\" (email) INCLUDE (region);"))
                    .anySatisfy(s -> assertThat(s.sql()).endsWith("ADD CONSTRAINT \"account_pkey\" PRIMARY KEY USING INDEX"
                            + " \"account_pkey\";"))
                    .anySatisfy(s -> assertThat(s.sql()).contains("CHECK (\"email\" IS NOT NULL) NOT VALID"))
                    .anySatisfy(s -> assertThat(s.sql()).endsWith("ALTER COLUMN \"email\" SET NOT NULL;")
                            .satisfies(sql -> assertThat(s.hazards()).doesNotContain(Hazard.FULL_SCAN)));
            // Only the partitioned table's index has no online form, and the plan says so.
            assertThat(steps.stream().filter(OnlineMigrationIT::readsUnderBlockingLock)).as(plan).singleElement()
                    .satisfies(s -> assertThat(s.sql()).startsWith("CREATE INDEX log_at ON ONLY public.log")
                            .satisfies(sql -> assertThat(s.note()).contains("partitioned")));

            MigrationVerification verification = online.verify(scratch.superuserDataSource());
            assertThat(verification.isGood()).as(verification.report() + plan).isTrue();
            MigrationCorpusIT.apply(online, target);
            assertThat(SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource()).compute()
                    .differences()).as(plan).isEmpty();
            assertThat(target.fingerprint("public").lines()).as(plan)
                    .containsExactlyElementsOf(source.fingerprint("public").lines());
        } finally {
            source.drop();
            target.drop();
            scratch.drop();
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {18})
    void timeoutsAreTheCallersWhenGiven(int major) throws Exception {
        TestDatabase source = PostgresServers.major(major).createDatabase();
        TestDatabase target = PostgresServers.major(major).createDatabase();
        try {
            source.execute(SOURCE);
            target.execute(TARGET);
            SchemaComparison comparison = SchemaDiff.between(source.superuserDataSource(),
                    target.superuserDataSource()).onlineSafe().timeouts(Duration.ofMillis(1500), null).compute();
            assertThat(comparison.steps().get(0).sql()).isEqualTo("SET lock_timeout = '1500ms';");
            assertThat(comparison.migrationSql()).doesNotContain("statement_timeout");
        } finally {
            source.drop();
            target.drop();
        }
    }

    /** Whether a written step reads a table (scan or index build) while holding a lock that blocks writes. */
    private static boolean readsUnderBlockingLock(MigrationStep step) {
        boolean reads = step.hazards().contains(Hazard.FULL_SCAN) || step.hazards().contains(Hazard.BLOCKING_INDEX_BUILD)
                || step.hazards().contains(Hazard.TABLE_REWRITE);
        return step.written() && reads && step.lock().compareTo(Lock.SHARE_UPDATE_EXCLUSIVE) > 0;
    }
}
