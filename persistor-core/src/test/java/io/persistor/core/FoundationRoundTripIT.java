package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.BackupResult;
import io.persistor.Persistor;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.Psql;
import io.persistor.testkit.SqlScripts;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The foundation's proof, on every supported major: a schema with every object kind of the first capability and
 * awkward values is backed up as the SELECT-only role, restored with psql into an empty database owned by a
 * non-superuser, and the two databases have the same fingerprint.
 */
class FoundationRoundTripIT {

    @TempDir
    Path directory;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void backupAsSelectOnlyRoleRestoresWithPsqlToAnIdenticalDatabase(int major) {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        TestDatabase target = server.createOwnedDatabase();
        try {
            source.execute(SqlScripts.load(getClass(), "foundation-schema.sql"));

            BackupResult result = Persistor.backup(source.selectOnlyDataSource())
                    .schema("public")
                    .to(directory.resolve("foundation.sql"));
            Psql.run(target, result.file());

            Fingerprint expected = source.fingerprint("public");
            assertThat(expected.lines()).anyMatch(line -> line.startsWith("rows public.many_rows 1234 "));
            Fingerprint.assertSame(expected, target.fingerprint("public"));
            assertThat(result.tables()).isEqualTo(12);
        } finally {
            source.drop();
            target.drop();
        }
    }
}
