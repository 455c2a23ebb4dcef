package io.persistor.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.persistor.Format;
import io.persistor.Persistor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Not a test: the benchmark of the time between two tests that each get a fresh database (the previous test's
 * database given back, the next one's taken), for several fixtures and ways, each run as JUnit runs a test class
 * of {@value #REPEATS} repetitions. Prints p50 and p99 of the 199 gaps and writes them to
 * {@code target/fixture-benchmark.txt}. Run it with {@code persistor-examples/src/bench/fixture-benchmark.sh}.
 */
class FixtureBenchmark {

    static final int REPEATS = 200;
    static final Queue<long[]> SPANS = new ConcurrentLinkedQueue<>();
    static Path tenByTenThousand;
    static Path hundredTables;
    static Path tenByThousand;
    static String fallbackUrl;

    @Test
    void measure() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "fixture-benchmark"));
        tenByTenThousand = write(directory.resolve("ten-by-10000.sql"), tables(10, 10_000));
        hundredTables = write(directory.resolve("hundred-tables.sql"), tables(100, 3));
        tenByThousand = write(directory.resolve("ten-by-1000.sql"), tables(10, 1_000));

        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "%-52s %8s %8s %8s", "fresh database per test (" + (REPEATS - 1)
                + " gaps)", "p50 ms", "p99 ms", "max ms"));
        report.add(line("10 tables x 10,000 rows: pooled template clone", PooledLarge.class));
        report.add(line("10 tables x 10,000 rows: pooled, tests of 50 ms", PooledLargeSlow.class));
        report.add(line("10 tables x 10,000 rows: clone without pool", UnpooledLarge.class));
        report.add(line("10 tables x 10,000 rows: truncate and reload", ReloadLarge.class));
        report.add(line("100 tables: pooled template clone", PooledWide.class));
        report.add(line("100 tables: pooled, tests of 50 ms", PooledWideSlow.class));
        report.add(line("100 tables: clone without pool", UnpooledWide.class));
        report.add(line("100 tables: truncate and reload", ReloadWide.class));
        prepareFallback();
        report.add(line("10 tables x 10,000 rows: Persistor.restore (no CREATEDB)", RestoredLarge.class));
        report.add(line("10 tables x 1,000 rows: Persistor.restore (no CREATEDB)", RestoredSmall.class));
        report.add(line("10 tables x 1,000 rows: pooled template clone", PooledSmall.class));
        report.forEach(System.out::println);
        Files.write(Path.of("target", "fixture-benchmark.txt"), report);
    }

    private static String line(String label, Class<?> fixture) {
        String only = System.getProperty("fixture.benchmark.only", "");
        if (!label.contains(only)) {
            return label + ": not run (fixture.benchmark.only=" + only + ")";
        }
        SPANS.clear();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents()
                .assertStatistics(stats -> stats.succeeded(REPEATS));
        List<long[]> spans = new ArrayList<>(SPANS);
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < spans.size(); i++) {
            gaps.add((spans.get(i)[0] - spans.get(i - 1)[1]) / 1e6);
        }
        Collections.sort(gaps);
        return String.format(Locale.ROOT, "%-52s %8.1f %8.1f %8.1f", label, percentile(gaps, 50), percentile(gaps, 99),
                gaps.get(gaps.size() - 1));
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** A role without CREATEDB and the database it owns, for the restore fallback. */
    private static void prepareFallback() throws SQLException {
        SPANS.clear();
        List<FixtureDatabase> given = new ArrayList<>();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Probe.class)).execute();
        given.add(Probe.given);
        FixtureDatabase any = given.get(0);
        try (Connection connection = DriverManager.getConnection(any.jdbcUrl().replace("/" + any.name(), "/postgres"),
                any.user(), any.password()); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS persistor_bench_fallback");
            statement.execute("DROP ROLE IF EXISTS persistor_bench");
            statement.execute("CREATE ROLE persistor_bench LOGIN NOCREATEDB PASSWORD 'bench'");
            statement.execute("CREATE DATABASE persistor_bench_fallback OWNER persistor_bench");
        }
        fallbackUrl = any.jdbcUrl().replace("/" + any.name(), "/persistor_bench_fallback");
    }

    private static String tables(int count, int rows) {
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            sql.append("CREATE TABLE public.t").append(i).append(" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,")
                    .append(" parent bigint").append(i > 1 ? " REFERENCES public.t" + (i - 1) : "")
                    .append(", name text NOT NULL, amount numeric(12,2), created timestamptz DEFAULT now());\n")
                    .append("CREATE INDEX t").append(i).append("_name ON public.t").append(i).append(" (name);\n")
                    .append("INSERT INTO public.t").append(i).append(" (parent, name, amount, created) SELECT ")
                    .append(i > 1 ? "1 + g % " + Math.min(rows, 1000) : "NULL")
                    .append(", md5(g::text), g / 7.0, timestamptz '2026-01-01' + g * interval '1 minute'")
                    .append(" FROM generate_series(1, ").append(rows).append(") g;\n");
        }
        return sql.toString();
    }

    private static Path write(Path file, String sql) throws IOException {
        return Files.writeString(file, sql);
    }

    /** A test that records when it started and ended; the benchmark's subjects extend it. */
    abstract static class Timed {

        @RepeatedTest(REPEATS)
        void test(FixtureDatabase database) throws Exception {
            long start = System.nanoTime();
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT count(*) FROM public.t1");
                statement.execute("INSERT INTO public.t1 (name) VALUES ('changed by a test')");
            }
            work();
            SPANS.add(new long[] {start, System.nanoTime()});
        }

        /** What the test does besides; nothing unless overridden. */
        void work() throws InterruptedException {
        }
    }

    /** A test that also works for 50 ms, as an integration test's own statements take time. */
    abstract static class Slow extends Timed {

        @Override
        void work() throws InterruptedException {
            Thread.sleep(50);
        }
    }

    /** Truncates every table and loads the rows again before each test, on one database. */
    abstract static class Reloaded extends Timed {

        static Path rows;

        @BeforeAll
        static void keepTheRows(FixtureDatabase database) throws IOException {
            rows = Files.createTempFile("persistor-bench-rows", ".sql");
            Persistor.backup(database.dataSource()).dataOnly().format(Format.COPY).overwrite().to(rows);
        }

        @BeforeEach
        void reload(FixtureDatabase database) throws SQLException {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DO $$ BEGIN EXECUTE 'TRUNCATE ' || (SELECT string_agg(oid::regclass::text, ', ') "
                        + "FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r') "
                        + "|| ' RESTART IDENTITY'; END $$");
            }
            Persistor.restore(database.dataSource()).from(rows);
        }
    }

    static class Probe {
        static FixtureDatabase given;

        @RegisterExtension
        static final PersistorExtension DATABASE = PersistorExtension.builder().seed(tenByThousand.toString()).build();

        @Test
        void probe(FixtureDatabase database) {
            given = database;
        }
    }

    static class PooledLarge extends Timed {
        @RegisterExtension
        static final PersistorExtension DATABASE = PersistorExtension.builder().seed(tenByTenThousand.toString())
                .ready(2).build();
    }

    static class PooledLargeSlow extends Slow {
        @RegisterExtension
        static final PersistorExtension DATABASE = PersistorExtension.builder().seed(tenByTenThousand.toString())
                .ready(2).build();
    }

    static class UnpooledLarge extends Timed {
        @RegisterExtension
        static final PersistorExtension DATABASE = PersistorExtension.builder().seed(tenByTenThousand.toString())
                .ready(0).build();
    }

    static class ReloadLarge extends Reloaded {
        @RegisterExtension
        static final PersistorExtension DATABASE = PersistorExtension.builder().seed(tenByTenThousand.toString())
                .refresh(Refresh.EACH_CLASS).build();
    }

    static class PooledWide extends Timed {
        @RegisterExtension
        static final PersistorExtension DATABASE = PersistorExtension.builder().seed(hundredTables.toString())
                .ready(2).build();
    }

    static class PooledWideSlow extends Slow {
        @RegisterExtension
        static final PersistorExtension DATABASE = PersistorExtension.builder().seed(hundredTables.toString())
                .ready(2).build();
    }

    static class UnpooledWide extends Timed {
        @RegisterExtension
        static final PersistorExtension DATABASE = PersistorExtension.builder().seed(hundredTables.toString())
                .ready(0).build();
    }

    static class ReloadWide extends Reloaded {
        @RegisterExtension
        static final PersistorExtension DATABASE = PersistorExtension.builder().seed(hundredTables.toString())
                .refresh(Refresh.EACH_CLASS).build();
    }

    static class RestoredLarge extends Timed {
        @RegisterExtension
        static final PersistorExtension DATABASE = PersistorExtension.builder().seed(tenByTenThousand.toString())
                .server(() -> fallbackUrl, () -> "persistor_bench", () -> "bench").build();
    }

    static class RestoredSmall extends Timed {
        @RegisterExtension
        static final PersistorExtension DATABASE = PersistorExtension.builder().seed(tenByThousand.toString())
                .server(() -> fallbackUrl, () -> "persistor_bench", () -> "bench").build();
    }

    static class PooledSmall extends Timed {
        @RegisterExtension
        static final PersistorExtension DATABASE = PersistorExtension.builder().seed(tenByThousand.toString())
                .ready(2).build();
    }
}
