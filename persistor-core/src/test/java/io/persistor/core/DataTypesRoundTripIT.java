package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.BackupResult;
import io.persistor.Format;
import io.persistor.Persistor;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.JdbcScript;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.Psql;
import io.persistor.testkit.SqlScripts;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values of every built-in type family (and hstore, citext), with their awkward values, come back identical through
 * both formats, on every supported major: the INSERT file through psql and through plain JDBC, the COPY file through
 * psql.
 */
class DataTypesRoundTripIT {

    @TempDir
    Path directory;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void everyTypeRoundTripsInBothFormats(int major) {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            for (int version : List.of(13, 14)) {
                if (version <= server.major()) {
                    source.execute(SqlScripts.load(getClass(), "types/" + version + ".sql"));
                }
            }
            DataSource reader = source.selectOnlyDataSource();
            Fingerprint expected = source.fingerprint("public");
            assertThat(expected.lines()).anyMatch(line -> line.startsWith("rows public.v 5 digest "));

            BackupResult inserts = Persistor.backup(reader).rowsPerInsert(2).to(directory.resolve("inserts.sql"));
            BackupResult copy = Persistor.backup(reader).format(Format.COPY).to(directory.resolve("copy.sql"));

            restoreAndCompare(server, expected, target -> Psql.run(target, inserts.file()));
            restoreAndCompare(server, expected, target -> JdbcScript.execute(target.ownerDataSource(), inserts.file()));
            restoreAndCompare(server, expected, target -> Psql.run(target, copy.file()));
        } finally {
            source.drop();
        }
    }

    private static void restoreAndCompare(PostgresServer server, Fingerprint expected,
                                          Consumer<TestDatabase> restore) {
        TestDatabase target = server.createOwnedDatabase();
        try {
            restore.accept(target);
            Fingerprint.assertSame(expected, target.fingerprint("public"));
        } finally {
            target.drop();
        }
    }
}
