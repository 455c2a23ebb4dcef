package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.BackupResult;
import io.persistor.OnError;
import io.persistor.Persistor;
import io.persistor.PersistorException;
import io.persistor.RestoreResult;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a restore needs beyond a database owner's rights is predicted at backup time (header lines and notes, with
 * what lifts each need) and checked against the restoring role before anything runs.
 */
class RestoreNeedsIT {

    private static final String SEED = """
            CREATE TABLE public.item (id integer PRIMARY KEY);
            INSERT INTO public.item VALUES (1), (2);
            CREATE FUNCTION public.limited() RETURNS integer LANGUAGE sql SET temp_file_limit = '1GB'
                AS 'SELECT 1';
            CREATE FUNCTION public.equal_ids(a integer, b integer) RETURNS boolean LANGUAGE sql LEAKPROOF
                AS 'SELECT a = b';
            CREATE FUNCTION public.plain() RETURNS integer LANGUAGE sql SET work_mem = '8MB' AS 'SELECT 2';
            """;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void needsArePredictedAndCheckedBeforeAnythingRuns(int major) throws Exception {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            source.execute(SEED);
            BackupResult result = Persistor.backup(source.selectOnlyDataSource()).to(directory.resolve(major + ".sql"));
            assertThat(result.notes()).contains(
                    "Restoring function public.limited() needs SET on parameter temp_file_limit (it sets "
                            + "temp_file_limit, which only a superuser may set): run by another role it fails; restore "
                            + "as a superuser, or (PostgreSQL 15 and later) have one GRANT SET ON PARAMETER "
                            + "temp_file_limit to the restoring role.",
                    "Restoring function public.equal_ids(integer,integer) needs a superuser (it is LEAKPROOF): run "
                            + "by another role it fails; restore as a superuser.");
            assertThat(result.notes()).noneMatch(note -> note.contains("plain"));
            assertThat(Files.readString(result.file())).contains("-- Needs SET on parameter temp_file_limit for "
                    + "function public.limited(), else fails: it sets temp_file_limit, which only a superuser may set\n");

            TestDatabase owned = server.createOwnedDatabase();
            try {
                assertThatThrownBy(() -> Persistor.restore(owned.ownerDataSource()).from(result.file()))
                        .isInstanceOf(PersistorException.class)
                        .hasMessageContaining("as " + PostgresServer.OWNER_ROLE + ": 2 objects would fail: ")
                        .hasMessageContaining("function public.equal_ids(integer,integer) needs a superuser "
                                + "(it is LEAKPROOF)")
                        .hasMessageContaining("Nothing was run.");
                assertThat(owned.fingerprint("public").lines()).noneMatch(line -> line.startsWith("relation"));

                if (major >= 15) {
                    source.execute("GRANT SET ON PARAMETER temp_file_limit TO " + PostgresServer.OWNER_ROLE);
                    try {
                        assertThatThrownBy(() -> Persistor.restore(owned.ownerDataSource()).from(result.file()))
                                .hasMessageContaining(": 1 object would fail: function public.equal_ids");
                    } finally {
                        source.execute("REVOKE SET ON PARAMETER temp_file_limit FROM " + PostgresServer.OWNER_ROLE);
                    }
                }
                RestoreResult skipping = Persistor.restore(owned.ownerDataSource()).onError(OnError.CONTINUE)
                        .from(result.file());
                assertThat(skipping.errors()).hasSize(2);
                assertThat(owned.fingerprint("public").lines()).filteredOn(line -> line.startsWith("rows "))
                        .containsExactlyElementsOf(source.fingerprint("public").lines().stream()
                                .filter(line -> line.startsWith("rows ")).toList())
                        .singleElement().asString().startsWith("rows public.item 2 ");
            } finally {
                owned.drop();
            }
        } finally {
            source.drop();
        }
    }
}
