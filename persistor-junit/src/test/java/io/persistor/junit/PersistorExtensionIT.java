package io.persistor.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The extension as users run it: each fixture class below is run by the JUnit engine on its own
 * ({@link EngineTestKit}), records what its tests saw, and the test here checks that and the server's catalog. The
 * server is the embedded one the extension starts by default.
 */
class PersistorExtensionIT {

    /** What the fixtures' tests were given, in the order they ran. */
    static final Queue<FixtureDatabase> GIVEN = new ConcurrentLinkedQueue<>();

    /** The seed of {@link FromSnapshot}, set before the engine loads it. */
    static volatile String snapshotSeed;

    @AfterEach
    void forget() {
        GIVEN.clear();
    }

    @Test
    void eachTestGetsItsOwnCopyOfTheSeedAndItIsDroppedAfterwards() throws Exception {
        run(EachTest.class).testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));

        List<FixtureDatabase> given = new ArrayList<>(GIVEN);
        assertThat(given).hasSize(3).extracting(FixtureDatabase::name).doesNotHaveDuplicates();
        assertThat(databases(given.get(0), "persistor_%")).doesNotContainAnyElementsOf(
                given.stream().map(FixtureDatabase::name).toList());
        assertThat(databases(given.get(0), "persistor_tpl_%")).isNotEmpty();
    }

    @Test
    void anUnchangedSeedIsNotBuiltAgainAndAChangedOneIs() throws Exception {
        run(EachTest.class);
        FixtureDatabase first = GIVEN.peek();
        List<String> templates = databases(first, "persistor_tpl_%");
        List<Long> oids = templateOids(first);

        run(EachTest.class);
        assertThat(templateOids(first)).isEqualTo(oids);

        run(WithInitializer.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(databases(first, "persistor_tpl_%")).containsAll(templates).hasSize(templates.size() + 1);
    }

    @Test
    void aClassSharesOneDatabaseWithEachClass() {
        run(EachClass.class).testEvents().assertStatistics(stats -> stats.succeeded(2));

        assertThat(GIVEN).hasSize(2).extracting(FixtureDatabase::name).containsOnly(GIVEN.peek().name());
    }

    @Test
    void nestedClassesUseTheNearestDeclarationAndSubclassesInheritIt() {
        run(Outer.class).testEvents().assertStatistics(stats -> stats.succeeded(2));
        run(InheritsTheDeclaration.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void parallelTestsNeverSeeEachOthersRows() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Parallel.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(12).succeeded(12));
        assertThat(GIVEN).hasSize(12).extracting(FixtureDatabase::name).doesNotHaveDuplicates();
    }

    @Test
    void aFailedTestKeepsItsDatabase() throws Exception {
        run(Failing.class).testEvents().assertStatistics(stats -> stats.failed(1).succeeded(1));

        FixtureDatabase failed = GIVEN.stream().filter(d -> d.name().equals(Failing.failedOn)).findFirst()
                .orElseThrow();
        List<String> left = databases(failed, "persistor_%");
        assertThat(left).contains(failed.name());
        assertThat(GIVEN).filteredOn(d -> !d.name().equals(failed.name()))
                .allSatisfy(d -> assertThat(left).doesNotContain(d.name()));
        execute(failed, "DROP DATABASE " + failed.name());
    }

    @Test
    void aPgDumpFileAndASnapshotAreSeedsToo(@TempDir Path directory) throws Exception {
        FromPgDump.snapshots = directory;
        run(FromPgDump.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        Path first = directory.resolve("first.sql");
        Path second = directory.resolve("second.sql");
        assertThat(Files.readString(first)).isEqualTo(Files.readString(second)).contains("warehouse");
        snapshotSeed = second.toString();
        GIVEN.clear();
        run(FromSnapshot.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void aRoleThatMayNotCreateDatabasesGetsTheSeedRestoredBeforeEachTest() throws Exception {
        run(EachTest.class);
        FixtureDatabase any = GIVEN.peek();
        execute(any, "DROP DATABASE IF EXISTS persistor_fallback",
                "DROP ROLE IF EXISTS persistor_tester",
                "CREATE ROLE persistor_tester LOGIN NOCREATEDB PASSWORD 'tester'",
                "CREATE DATABASE persistor_fallback OWNER persistor_tester");
        GIVEN.clear();
        Fallback.url = any.jdbcUrl().replace("/" + any.name(), "/persistor_fallback");

        run(Fallback.class).testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(GIVEN).extracting(FixtureDatabase::name).containsOnly("persistor_fallback");
        execute(any, "DROP DATABASE persistor_fallback", "DROP ROLE persistor_tester");
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
        results.allEvents().failed().stream().forEach(event -> event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .ifPresent(failure -> System.err.println(fixture.getSimpleName() + " failed: " + failure)));
        return results;
    }

    /** Records what a test was given. */
    static void given(FixtureDatabase database) {
        GIVEN.add(database);
    }

    static long count(FixtureDatabase database, String table) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static long insertOrder(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("INSERT INTO public.customer (name) VALUES ('new') RETURNING id")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> databases(FixtureDatabase any, String pattern) throws SQLException {
        return strings(any, "SELECT datname FROM pg_database WHERE datname LIKE '" + pattern + "' ORDER BY 1");
    }

    private static List<Long> templateOids(FixtureDatabase any) throws SQLException {
        return strings(any, "SELECT oid FROM pg_database WHERE datname LIKE 'persistor_tpl_%' ORDER BY 1").stream()
                .map(Long::valueOf).toList();
    }

    private static List<String> strings(FixtureDatabase any, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = maintenance(any); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void execute(FixtureDatabase any, String... sql) throws SQLException {
        try (Connection connection = maintenance(any); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static Connection maintenance(FixtureDatabase any) throws SQLException {
        return DriverManager.getConnection(any.jdbcUrl().replace("/" + any.name(), "/postgres"), any.user(),
                any.password());
    }

    @PersistorDatabase(seed = "classpath:fixtures/shop.sql")
    static class EachTest {

        @RepeatedTest(3)
        void seesTheSeedAndChangesIt(FixtureDatabase database, Connection connection) throws SQLException {
            given(database);
            assertThat(count(database, "public.orders")).isEqualTo(3);
            // The identity goes on from the seed's last value, whatever other tests did.
            assertThat(insertOrder(connection)).isEqualTo(3);
            assertThat(count(database, "public.customer")).isEqualTo(3);
        }
    }

    @PersistorDatabase(seed = "classpath:fixtures/shop.sql", initializers = AddsCustomer.class)
    static class WithInitializer {

        @Test
        void seesWhatTheInitializerAdded(FixtureDatabase database) throws SQLException {
            given(database);
            assertThat(count(database, "public.customer")).isEqualTo(3);
        }
    }

    /** Declares nothing itself: the seed and initializer come with its superclass's annotation. */
    static class InheritsTheDeclaration extends WithInitializer {
    }

    /** An initializer, as users run Flyway or plain JDBC. */
    static class AddsCustomer implements Consumer<DataSource> {

        @Override
        public void accept(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection()) {
                insertOrder(connection);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @PersistorDatabase(seed = "classpath:fixtures/shop.sql", refresh = Refresh.EACH_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class EachClass {

        @Test
        @Order(1)
        void adds(FixtureDatabase database, Connection connection) throws SQLException {
            given(database);
            insertOrder(connection);
            assertThat(count(database, "public.customer")).isEqualTo(3);
        }

        @Test
        @Order(2)
        void seesWhatTheFirstAdded(FixtureDatabase database) throws SQLException {
            given(database);
            assertThat(count(database, "public.customer")).isEqualTo(3);
        }
    }

    @PersistorDatabase(seed = "classpath:fixtures/shop.sql")
    static class Outer {

        @Test
        void hasTheOuterSeed(FixtureDatabase database) throws SQLException {
            given(database);
            assertThat(count(database, "public.orders")).isEqualTo(3);
        }

        @Nested
        @PersistorDatabase(seed = "classpath:fixtures/inventory.sql")
        class Inner {

            @Test
            void hasItsOwnSeed(FixtureDatabase database) throws SQLException {
            given(database);
                assertThat(count(database, "public.item")).isEqualTo(2);
                assertThat(count(database, "pg_catalog.pg_tables WHERE tablename = 'orders'")).isZero();
            }
        }
    }

    @PersistorDatabase(seed = "classpath:fixtures/shop.sql", ready = 4)
    static class Parallel {

        @RepeatedTest(12)
        void seesOnlyItsOwnRows(DataSource dataSource, FixtureDatabase database) throws Exception {
            given(database);
            try (Connection connection = dataSource.getConnection()) {
                insertOrder(connection);
                Thread.sleep(30);
                assertThat(count(database, "public.customer")).isEqualTo(3);
            }
        }
    }

    @PersistorDatabase(seed = "classpath:fixtures/shop.sql")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Failing {

        static volatile String failedOn;

        @Test
        @Order(1)
        void fails(FixtureDatabase database) throws SQLException {
            given(database);
            count(database, "public.orders");
            failedOn = database.name();
            assertThat(database.name()).isEqualTo("something else");
        }

        @Test
        @Order(2)
        void passes(FixtureDatabase database) throws SQLException {
            given(database);
            assertThat(count(database, "public.orders")).isEqualTo(3);
        }
    }

    @PersistorDatabase(seed = "classpath:fixtures/warehouse.pgdump.sql")
    static class FromPgDump {

        static volatile Path snapshots;

        @Test
        void hasTheDumpedRowsAndSequence(FixtureDatabase database, Connection connection) throws Exception {
            given(database);
            assertThat(count(database, "public.warehouse")).isEqualTo(2);
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT nextval('public.ticket')")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(42);
            }
            // Twice, a second apart: the same state gives the same bytes.
            PersistorExtension.snapshot(database.dataSource(), snapshots.resolve("first.sql"));
            Thread.sleep(1100);
            PersistorExtension.snapshot(database.dataSource(), snapshots.resolve("second.sql"));
        }
    }

    static class FromSnapshot {

        @RegisterExtension
        static final PersistorExtension DATABASE = PersistorExtension.builder().seed(snapshotSeed).ready(0).build();

        @Test
        void hasTheSnapshotsRows(FixtureDatabase database) throws SQLException {
            given(database);
            assertThat(count(database, "public.warehouse")).isEqualTo(2);
        }
    }

    static class Fallback {

        static volatile String url;

        @RegisterExtension
        static final PersistorExtension DATABASE = PersistorExtension.builder()
                .server(() -> url, () -> "persistor_tester", () -> "tester")
                .seed("classpath:fixtures/shop.sql").build();

        @RepeatedTest(3)
        void seesTheSeedAndChangesIt(FixtureDatabase database, Connection connection) throws SQLException {
            given(database);
            assertThat(count(database, "public.orders")).isEqualTo(3);
            assertThat(insertOrder(connection)).isEqualTo(3);
        }
    }
}
