package io.persistor.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the psql client against a test database, the way a DBA restores a script:
 * {@code psql -X -v ON_ERROR_STOP=1 -f FILE}. psql comes from {@code PERSISTOR_TEST_PSQL} or the {@code PATH}.
 */
public final class Psql {

    private Psql() {
    }

    /**
     * Restores a script with psql into a new database of the source's server, owned by the non-superuser owner, and
     * asserts that the given schemas fingerprint the same as the source's; the new database is dropped afterwards.
     *
     * @param source  the database the script was taken from
     * @param script  the file
     * @param schemas the schemas to compare
     */
    public static void assertRestoresAsSource(TestDatabase source, Path script, String... schemas) {
        TestDatabase target = source.server().createOwnedDatabase();
        try {
            run(target, script);
            Fingerprint.assertSame(source.fingerprint(schemas), target.fingerprint(schemas));
        } finally {
            target.drop();
        }
    }

    /**
     * Runs a script as the database's owner and fails with psql's output if psql reports an error.
     *
     * @param database the target
     * @param script   the file
     * @return psql's output
     */
    public static String run(TestDatabase database, Path script) {
        PostgresServer server = database.server();
        List<String> command = List.of(executable(), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", server.host(), "-p", String.valueOf(server.port()), "-U", database.owner(),
                "-d", database.name(), "-f", script.toString());
        try {
            Path log = Files.createTempFile("psql", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().put("PGPASSWORD", database.owner().equals(server.superuser())
                        ? String.valueOf(server.superuserPassword()) : PostgresServer.ROLE_PASSWORD);
                Process process = builder.start();
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("psql did not finish within 10 minutes: " + command);
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new AssertionError("psql exited with " + process.exitValue() + " restoring " + script
                            + " into " + database + ":\n" + output);
                }
                return output;
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running psql", e);
        }
    }

    private static String executable() {
        String configured = System.getenv("PERSISTOR_TEST_PSQL");
        if (configured != null) {
            return configured;
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "psql");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("psql was not found on the PATH. Install the PostgreSQL client "
                + "(Debian: apt-get install postgresql-client) or set PERSISTOR_TEST_PSQL to its path.");
    }
}
