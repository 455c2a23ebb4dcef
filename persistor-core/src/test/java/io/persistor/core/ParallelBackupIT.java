package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.BackupResult;
import io.persistor.Format;
import io.persistor.Persistor;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.Psql;
import io.persistor.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Parallel reads share one snapshot: the file is one point in time and the same as a single connection writes. */
@ExtendWith(FreshDatabase.class)
class ParallelBackupIT {

    private static final int ACCOUNTS = 2_000;
    private static final long TOTAL = ACCOUNTS * 1_000L * 3;

    @TempDir
    Path directory;

    @Test
    void aParallelBackupTakenWhileMoneyMovesBetweenTablesKeepsTheTotal(TestDatabase bank) throws Exception {
        for (String branch : List.of("north", "south", "east")) {
            bank.execute("CREATE TABLE public." + branch + " (id int PRIMARY KEY, balance bigint NOT NULL)",
                    "INSERT INTO public." + branch + " SELECT g, 1000 FROM generate_series(1, " + ACCOUNTS + ") g");
        }
        DataSource reader = bank.selectOnlyDataSource();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger transfers = new AtomicInteger();
        Thread workload = new Thread(() -> moveMoney(bank.superuserDataSource(), running, transfers));
        workload.start();
        BackupResult result;
        try {
            while (transfers.get() < 50) {
                Thread.sleep(10);
            }
            result = Persistor.backup(reader).parallelism(3).format(Format.COPY).to(directory.resolve("bank.sql"));
        } finally {
            running.set(false);
            workload.join(60_000);
        }
        assertThat(transfers.get()).isGreaterThan(50);

        TestDatabase restored = bank.server().createOwnedDatabase();
        try {
            Psql.run(restored, result.file());
            try (Connection connection = restored.ownerDataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet total = statement.executeQuery("SELECT (SELECT sum(balance) FROM public.north) "
                         + "+ (SELECT sum(balance) FROM public.south) + (SELECT sum(balance) FROM public.east)")) {
                total.next();
                assertThat(total.getLong(1)).isEqualTo(TOTAL);
            }
        } finally {
            restored.drop();
        }
    }

    @Test
    void writesTheSameScriptAsASingleConnection(TestDatabase source) throws Exception {
        for (int i = 0; i < 6; i++) {
            source.execute("CREATE TABLE public.t" + i + " (id int PRIMARY KEY, v text)",
                    "INSERT INTO public.t" + i + " SELECT g, md5(g::text) FROM generate_series(1, " + (500 * (i + 1)) + ") g");
        }
        DataSource reader = source.selectOnlyDataSource();
        Path single = Persistor.backup(reader).to(directory.resolve("single.sql")).file();
        Path parallel = Persistor.backup(reader).parallelism(4).to(directory.resolve("parallel.sql")).file();

        assertThat(comparable(parallel)).isEqualTo(comparable(single));
        Psql.assertRestoresAsSource(source, parallel, "public");
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("persistor-") && name.endsWith(".rows"));
        }
    }

    @Test
    void readsATableInSlicesIntoTheSameScriptWithoutScanningItWhole(TestDatabase source) throws Exception {
        createEvents(source, false);
        DataSource reader = source.selectOnlyDataSource();
        String seqScans = "SELECT seq_scan FROM pg_stat_user_tables WHERE relid = 'public.events'::regclass";
        long scans = query(source, seqScans);

        Path parallel = Persistor.backup(reader).parallelism(3).format(Format.COPY)
                .to(directory.resolve("sliced.sql")).file();
        Path single = Persistor.backup(reader).format(Format.COPY).to(directory.resolve("whole.sql")).file();

        assertThat(comparable(parallel)).isEqualTo(comparable(single));
        // The single connection's backup scans the table once; the slices are TID range scans, which do not count.
        long deadline = System.currentTimeMillis() + 10_000;
        while (query(source, seqScans) == scans && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1_500);
        assertThat(query(source, seqScans)).isEqualTo(scans + 1);
        Psql.assertRestoresAsSource(source, parallel, "public");
    }

    @Test
    void rowsTooLargeToReadWholeComeAfterTheLastSliceAsAfterTheWholeTable(TestDatabase source) throws Exception {
        createEvents(source, true);
        DataSource reader = source.selectOnlyDataSource();

        Path parallel = Persistor.backup(reader).parallelism(3).format(Format.COPY)
                .to(directory.resolve("sliced.sql")).file();
        Path single = Persistor.backup(reader).format(Format.COPY).to(directory.resolve("whole.sql")).file();

        assertThat(comparable(parallel)).isEqualTo(comparable(single));
        Psql.assertRestoresAsSource(source, parallel, "public");
    }

    /**
     * A table of about 48 MB, read in slices of 16 MB; with {@code largeRows}, its first pages hold two rows too
     * large to read whole (9.6 MB of text each).
     */
    private static void createEvents(TestDatabase source, boolean largeRows) throws Exception {
        source.execute("CREATE TABLE public.events (id bigint PRIMARY KEY, body text, at timestamptz)",
                "ALTER TABLE public.events ALTER COLUMN body SET STORAGE EXTERNAL");
        if (largeRows) {
            source.execute("INSERT INTO public.events SELECT -g, string_agg(md5((g * x)::text), ''), now() "
                    + "FROM generate_series(1, 2) g, generate_series(1, 300000) x GROUP BY g");
        }
        source.execute("INSERT INTO public.events SELECT g, repeat(md5(g::text), 2) || E'\\t\n', "
                        + "'2026-01-01'::timestamptz + g * interval '1 second' FROM generate_series(1, 350000) g",
                "VACUUM ANALYZE public.events");
        assertThat(query(source, "SELECT relpages FROM pg_class WHERE oid = 'public.events'::regclass"))
                .isBetween(4096L, 8191L);
    }

    private static long query(TestDatabase database, String sql) throws Exception {
        try (Connection connection = database.superuserDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The script without the lines that differ by design: the time and the parallelism in the header. */
    private static List<String> comparable(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("-- Taken: ") && !line.startsWith("-- Options: ")
                        && !line.startsWith("-- SHA-256 of the script above: ")).toList();
    }

    private static void moveMoney(DataSource dataSource, AtomicBoolean running, AtomicInteger transfers) {
        List<String> branches = List.of("north", "south", "east");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            long deadline = System.currentTimeMillis() + 60_000;
            while (running.get() && System.currentTimeMillis() < deadline && transfers.get() < 1_000_000) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                String from = branches.get(random.nextInt(3));
                String to = branches.get(random.nextInt(3));
                int amount = random.nextInt(1, 50);
                statement.execute("UPDATE public." + from + " SET balance = balance - " + amount + " WHERE id = "
                        + random.nextInt(1, ACCOUNTS + 1));
                statement.execute("UPDATE public." + to + " SET balance = balance + " + amount + " WHERE id = "
                        + random.nextInt(1, ACCOUNTS + 1));
                connection.commit();
                transfers.incrementAndGet();
            }
        } catch (Exception e) {
            throw new IllegalStateException("The workload failed", e);
        }
    }
}
