package io.persistor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.Psql;
import io.persistor.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as a process: libpq's environment variables, the new options, the exit codes, a 100 MB value
 * backed up with a 64 MB heap, the launcher script and its class-data archive.
 */
@ExtendWith(FreshDatabase.class)
class CliProcessIT {

    private static final Path JAR = Path.of("target", "persistor-cli.jar");

    @TempDir
    Path directory;

    @Test
    void takesConnectionSettingsFromLibpqEnvironmentVariables(TestDatabase source) throws Exception {
        source.execute("CREATE SCHEMA a", "CREATE SCHEMA b", "CREATE TABLE a.t (id int)", "CREATE TABLE b.u (id int)",
                "CREATE TABLE a.skip_me (id int)", "INSERT INTO a.t VALUES (1)");
        PostgresServer server = source.server();
        Path file = directory.resolve("env.sql");
        Result result = run(Map.of("PGHOST", server.host(), "PGPORT", String.valueOf(server.port()),
                "PGDATABASE", source.name(), "PGUSER", server.superuser()),
                "backup", "-s", "a,b", "--exclude-table", "skip_*", "--format", "copy", "-f", file.toString());

        assertThat(result.code()).as(result.output()).isZero();
        assertThat(result.output()).contains(file.toString()).contains("2 tables, 1 rows,");
        TestDatabase target = server.createOwnedDatabase();
        try {
            Result restore = run(Map.of("PGHOST", server.host(), "PGPORT", String.valueOf(server.port()),
                    "PGDATABASE", target.name(), "PGUSER", PostgresServer.OWNER_ROLE), "restore", "-f", file.toString());
            assertThat(restore.code()).as(restore.output()).isZero();
            source.execute("DROP TABLE a.skip_me");
            Fingerprint.assertSame(source.fingerprint("a", "b"), target.fingerprint("a", "b"));
        } finally {
            target.drop();
        }
    }

    @Test
    void aSigtermMidBackupLeavesNoFileAndNoTemporaryFile(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.big (id int, v text)",
                "INSERT INTO public.big SELECT g, repeat(md5(g::text), 4) FROM generate_series(1, 400000) g");
        PostgresServer server = source.server();
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", JAR.toString(), "backup", "-d", source.name(),
                "-u", server.superuser(), "-p", String.valueOf(server.port()), "-o", directory.toString());
        builder.environment().keySet().removeIf(key -> key.startsWith("PG"));
        Process process = builder.redirectErrorStream(true).redirectOutput(directory.resolve("cli.log").toFile()).start();
        while (process.isAlive() && !hasPartialFile()) {
            Thread.sleep(20);
        }
        assertThat(hasPartialFile()).as("the backup had started writing").isTrue();
        process.destroy();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        try (var files = Files.list(directory)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("cli.log");
        }
    }

    @Test
    void neverPrintsThePassword(TestDatabase source) throws Exception {
        Result result = run(Map.of(), "backup", "-d", source.name(), "-u", "nobody_here", "-h", "127.0.0.1",
                "-p", "1", "-P", "s3cret-pa55", "--verbose");
        assertThat(result.code()).isEqualTo(ExitCode.CONNECTION);
        assertThat(result.output()).contains("cannot connect").doesNotContain("s3cret-pa55");
    }

    private boolean hasPartialFile() throws Exception {
        try (var files = Files.list(directory)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".partial"));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void exitsWithTwoAndNamesTheMissingSettings() throws Exception {
        Result result = run(Map.of(), "backup");
        assertThat(result.code()).isEqualTo(ExitCode.USAGE);
        assertThat(result.output()).contains("'--database' (or PGDATABASE)").contains("'--user' (or PGUSER)");
    }

    @Test
    void backsUpAHundredMegabyteValueWithSixtyFourMegabytesOfHeap(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.docs (id int PRIMARY KEY, body text, blob bytea, meta jsonb)",
                "INSERT INTO public.docs SELECT g, 'doc ' || g, decode(md5(g::text), 'hex'), '{}' "
                        + "FROM generate_series(1, 1000) g",
                "INSERT INTO public.docs SELECT 0, string_agg(md5(g::text) || E'\\t\\\\''\\n€', ''), NULL, NULL "
                        + "FROM generate_series(1, 2700000) g",
                "INSERT INTO public.docs SELECT -1, NULL, string_agg(decode(md5(g::text), 'hex'), ''), "
                        + "jsonb_build_object('k', repeat('v', 1000)) FROM generate_series(1, 1250000) g");
        try (Connection connection = source.selectOnlyDataSource().getConnection();
             ResultSet size = connection.createStatement().executeQuery(
                     "SELECT octet_length(body) FROM public.docs WHERE id = 0")) {
            assertThat(size.next()).isTrue();
            assertThat(size.getLong(1)).isGreaterThan(100L << 20);
        }
        PostgresServer server = source.server();
        for (String format : List.of("copy", "inserts")) {
            Path file = directory.resolve(format + ".sql");
            Result result = run(List.of("-Xmx64m"), Map.of(), "backup", "-h", server.host(),
                    "-p", String.valueOf(server.port()), "-u", PostgresServer.READER_ROLE,
                    "-P", PostgresServer.ROLE_PASSWORD, "-d", source.name(), "--format", format, "-f", file.toString());
            assertThat(result.code()).as(result.output()).isZero();
            Psql.assertRestoresAsSource(source, file, "public");
        }
    }

    @Test
    void twoConnectionsWithSixtyFourMegabytesOfHeapWriteWhatOneConnectionWrites(TestDatabase source) throws Exception {
        // About 30 MB of rows: with 64 MB of heap its slices read ahead wait for their turn rather than fit.
        source.execute("CREATE TABLE public.events (id int PRIMARY KEY, body text)",
                "INSERT INTO public.events SELECT g, repeat(md5(g::text), 4) FROM generate_series(1, 200000) g",
                "CREATE TABLE public.notes (id int, note text)",
                "INSERT INTO public.notes SELECT g, 'note ' || g FROM generate_series(1, 5000) g",
                "ANALYZE");
        source.selectOnlyDataSource();
        PostgresServer server = source.server();
        List<List<String>> scripts = new ArrayList<>();
        for (String jobs : List.of("1", "2")) {
            Path file = directory.resolve("jobs" + jobs + ".sql");
            Result result = run(List.of("-Xmx64m"), Map.of(), "backup", "-h", server.host(),
                    "-p", String.valueOf(server.port()), "-u", PostgresServer.READER_ROLE,
                    "-P", PostgresServer.ROLE_PASSWORD, "-d", source.name(), "--format", "copy", "--jobs", jobs,
                    "-f", file.toString());
            assertThat(result.code()).as(result.output()).isZero();
            scripts.add(Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.startsWith("-- Taken: ") && !line.startsWith("-- Options: ")
                            && !line.startsWith("-- SHA-256 of the script above: ")).toList());
        }
        assertThat(scripts.get(1)).hasSizeGreaterThan(200_000).isEqualTo(scripts.get(0));
        Psql.assertRestoresAsSource(source, directory.resolve("jobs2.sql"), "public");
    }

    @Test
    void theLauncherScriptRunsTheJarWithJobsTwoAndTheFileRestores(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.a (id int PRIMARY KEY, v text)", "CREATE TABLE public.b (id int, w text)",
                "INSERT INTO public.a SELECT g, md5(g::text) FROM generate_series(1, 5000) g",
                "INSERT INTO public.b SELECT g, repeat('x', g % 50) FROM generate_series(1, 5000) g");
        source.selectOnlyDataSource();
        PostgresServer server = source.server();
        Path file = directory.resolve("launched.sql");
        ProcessBuilder builder = new ProcessBuilder("sh", Path.of("src", "bin", "persistor").toString(), "backup",
                "-h", server.host(), "-p", String.valueOf(server.port()), "-u", PostgresServer.READER_ROLE,
                "-P", PostgresServer.ROLE_PASSWORD, "-d", source.name(), "--format", "copy", "--jobs", "2",
                "-f", file.toString());
        builder.environment().put("JAVA", java());
        Path log = directory.resolve("launcher.log");
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
        Psql.assertRestoresAsSource(source, file, "public");
    }

    @Test
    void theBuildsClassDataArchiveHoldsWhatCommandsLoadWhenTheServerAsksForAPassword() throws Exception {
        Path archive = Path.of("target", "persistor-cli.jsa");
        assertThat(archive).as("the package phase's training run writes it").exists();
        Process process = new ProcessBuilder(java(), "-XX:SharedArchiveFile=" + archive.toAbsolutePath(),
                "-XX:+PrintSharedArchiveAndExit", "-cp", JAR.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String listing = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(listing).as("the archive matches this JDK and jar").contains("archive is valid");
        assertThat(listing).contains(" io.persistor.examples.cli.BackupCommand ",
                " io.persistor.examples.cli.RestoreCommand ", " com.zaxxer.hikari.pool.HikariPool ",
                " org.postgresql.shaded.com.ongres.scram.client.ScramClient ",
                " io.persistor.core.internal.catalog.CatalogQueries ",
                " io.persistor.core.internal.restore.ParallelRestore ");
    }

    private Result run(Map<String, String> environment, String... args) throws Exception {
        return run(List.of(), environment, args);
    }

    private Result run(List<String> javaOptions, Map<String, String> environment, String... args) throws Exception {
        assertThat(JAR).as("the runnable jar is built by the package phase").exists();
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(java());
        builder.command().addAll(javaOptions);
        builder.command().addAll(List.of("-jar", JAR.toString()));
        builder.command().addAll(List.of(args));
        builder.environment().keySet().removeIf(key -> key.startsWith("PG"));
        builder.environment().putAll(environment);
        builder.environment().put("HOME", directory.toString());
        Path log = directory.resolve("cli.log");
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Result(int code, String output) {
    }
}
