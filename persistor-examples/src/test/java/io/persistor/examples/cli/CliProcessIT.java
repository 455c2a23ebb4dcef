package io.persistor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar as a process: libpq's environment variables, the new options and the exit codes. */
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
    void exitsWithTwoAndNamesTheMissingSettings() throws Exception {
        Result result = run(Map.of(), "backup");
        assertThat(result.code()).isEqualTo(ExitCode.USAGE);
        assertThat(result.output()).contains("'--database' (or PGDATABASE)").contains("'--user' (or PGUSER)");
    }

    private Result run(Map<String, String> environment, String... args) throws Exception {
        assertThat(JAR).as("the runnable jar is built by the package phase").exists();
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString()));
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
