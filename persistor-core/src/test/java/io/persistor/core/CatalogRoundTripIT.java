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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole object set, on every supported major: types, sequences, routines, tables of every shape, partitions,
 * inheritance, views, triggers, rules, policies, statistics and comments in two schemas (one with a hostile name),
 * backed up as the SELECT-only role, restored with psql as a non-superuser owner, and compared by fingerprint.
 */
class CatalogRoundTripIT {

    static final String ODD_SCHEMA = "Odd \"Schema\" Näme";

    @TempDir
    Path directory;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void everyObjectKindRoundTripsAsTheSelectOnlyRole(int major) throws Exception {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        TestDatabase target = server.createOwnedDatabase();
        try {
            seed(source, server.major());
            BackupResult result = Persistor.backup(source.selectOnlyDataSource())
                    .schemas("app", ODD_SCHEMA)
                    .enableRowSecurity()
                    .to(directory.resolve("catalog.sql"));
            Psql.run(target, result.file());

            Fingerprint expected = source.fingerprint("app", ODD_SCHEMA);
            assertThat(expected.lines()).anyMatch(l -> l.startsWith("trigger CREATE TRIGGER customer_upper"));
            Fingerprint.assertSame(expected, target.fingerprint("app", ODD_SCHEMA));
            assertThat(result.notes()).contains("Row-level security limited table \"app\".\"orders\" to the rows "
                    + "the backup role may see.");
        } finally {
            source.drop();
            target.drop();
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void twoBackupsOfTheSameDatabaseAreIdenticalButForTheirTimestamp(int major) throws Exception {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            seed(source, server.major());
            var reader = source.selectOnlyDataSource();
            Path first = Persistor.backup(reader).schemas("app", ODD_SCHEMA).enableRowSecurity()
                    .to(directory.resolve("first.sql")).file();
            Path second = Persistor.backup(reader).schemas("app", ODD_SCHEMA).enableRowSecurity()
                    .to(directory.resolve("second.sql")).file();
            assertThat(withoutTimestamp(second)).isEqualTo(withoutTimestamp(first));
        } finally {
            source.drop();
        }
    }

    static void seed(TestDatabase database, int major) {
        for (int version : List.of(13, 14, 15, 17, 18)) {
            if (version <= major) {
                database.execute(SqlScripts.load(CatalogRoundTripIT.class, "catalog/" + version + ".sql"));
            }
        }
    }

    private static List<String> withoutTimestamp(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("-- Taken: ") && !line.startsWith("-- SHA-256 of the script above: "))
                .toList();
    }
}
