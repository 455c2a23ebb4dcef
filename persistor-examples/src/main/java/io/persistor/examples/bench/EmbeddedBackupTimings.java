package io.persistor.examples.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.persistor.Backup;
import io.persistor.Format;
import io.persistor.Persistor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times backups as an application that embeds Persistor takes them: one JVM, one pool, the code already warm.
 * Each configuration runs once to warm up, then {@code runs} times; the median wall time is printed, one line per
 * configuration, for {@code src/bench/backup-benchmark.sh} to print beside pg_dump's.
 *
 * <p>Usage: {@code java -cp persistor-cli.jar io.persistor.examples.bench.EmbeddedBackupTimings JDBC_URL USER
 * DIRECTORY RUNS}
 */
public final class EmbeddedBackupTimings {

    private EmbeddedBackupTimings() {
    }

    /**
     * Runs the timings.
     *
     * @param args the JDBC URL, the user, a directory for the files, and how many timed runs per configuration
     * @throws Exception when a backup fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("Usage: EmbeddedBackupTimings JDBC_URL USER DIRECTORY RUNS");
            System.exit(2);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setMaximumPoolSize(2);
        Path file = Path.of(args[2]).resolve("embedded.sql");
        int runs = Integer.parseInt(args[3]);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            time("Persistor COPY, embedded", runs, file, () -> Persistor.backup(pool).format(Format.COPY));
            time("Persistor COPY parallelism 2, embedded", runs, file,
                    () -> Persistor.backup(pool).format(Format.COPY).parallelism(2));
            time("Persistor INSERTS rowsPerInsert 1000, embedded", runs, file,
                    () -> Persistor.backup(pool).rowsPerInsert(1000));
        }
    }

    private interface Configuration {
        Backup backup();
    }

    private static void time(String label, int runs, Path file, Configuration configuration) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            Files.deleteIfExists(file);
            long started = System.nanoTime();
            configuration.backup().to(file);
            if (run > 0) {
                seconds.add((System.nanoTime() - started) / 1e9);
            }
        }
        Files.deleteIfExists(file);
        Collections.sort(seconds);
        System.out.printf(Locale.ROOT, "%s\t%.2f%n", label, seconds.get(seconds.size() / 2));
    }
}
