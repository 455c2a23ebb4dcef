package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.BackupResult;
import io.persistor.Persistor;
import io.persistor.SchemaComparison;
import io.persistor.SchemaDiff;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.Psql;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A backup taken on an older major restores on the newest, as a DBA moving to a new server does: the whole object set
 * and the rarer shapes of each major from 13 to 17 are restored with psql into PostgreSQL 18 as a non-superuser owner,
 * and the two databases are compared with {@code SchemaDiff} (which takes out the notational differences between
 * majors) and by their rows.
 */
class UpgradeRestoreIT {

    private static final int NEWEST = 18;

    @TempDir
    Path directory;

    static Stream<Integer> olderMajors() {
        return PostgresServers.majors().filter(major -> major < NEWEST);
    }

    @ParameterizedTest(name = "PostgreSQL {0} to " + NEWEST)
    @MethodSource("olderMajors")
    void aBackupOfAnOlderMajorRestoresOnTheNewest(int major) throws Exception {
        assertUpgrades(major, database -> CatalogRoundTripIT.seed(database, major), "app", CatalogRoundTripIT.ODD_SCHEMA);
    }

    @ParameterizedTest(name = "PostgreSQL {0} to " + NEWEST)
    @MethodSource("olderMajors")
    void rarerShapesOfAnOlderMajorRestoreOnTheNewest(int major) throws Exception {
        assertUpgrades(major, database -> EdgeShapesRoundTripIT.seed(database, major), "e");
    }

    private void assertUpgrades(int major, Consumer<TestDatabase> seed, String... schemas) throws Exception {
        TestDatabase source = PostgresServers.major(major).createDatabase();
        TestDatabase target = PostgresServers.major(NEWEST).createOwnedDatabase();
        try {
            seed.accept(source);
            BackupResult result = Persistor.backup(source.selectOnlyDataSource()).schemas(schemas).enableRowSecurity()
                    .to(directory.resolve(major + "-" + schemas[0] + ".sql"));
            Psql.run(target, result.file());

            SchemaComparison comparison = SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource())
                    .schemas(schemas).compute();
            assertThat(comparison.differences()).as(comparison.report()).isEmpty();
            List<String> sourceRows = rows(source, schemas);
            assertThat(sourceRows).isNotEmpty();
            assertThat(rows(target, schemas)).isEqualTo(sourceRows);
        } finally {
            source.drop();
            target.drop();
        }
    }

    private static List<String> rows(TestDatabase database, String... schemas) {
        return database.fingerprint(schemas).lines().stream()
                .filter(line -> line.startsWith("rows ")).toList();
    }
}
