package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.BackupResult;
import io.persistor.Format;
import io.persistor.LargeObjects;
import io.persistor.Persistor;
import io.persistor.PersistorException;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.Psql;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large objects come back with their OIDs, bytes and comments, in both formats, through psql and through
 * {@code Persistor.restore}, and, when asked for, with their owners and grants; the ones the backup role may not read
 * fail the backup by OID unless only the readable ones are asked for.
 */
class LargeObjectsRoundTripIT {

    /** A table pointing at large objects as Hibernate's {@code @Lob} mapping does, and objects of every shape. */
    private static final String SEED = """
            CREATE TABLE public.document (id integer PRIMARY KEY, title text, content oid);
            SELECT lo_create(700001);
            SELECT lo_from_bytea(700002, 'hello, large object');
            SELECT lo_from_bytea(700003, decode(repeat('00ff7f80275c0a0d', 40000), 'hex'));
            SELECT lo_from_bytea(700004, (SELECT string_agg(set_byte('\\x00'::bytea, 0, b), ''::bytea ORDER BY b)
                                          FROM generate_series(0, 255) b));
            COMMENT ON LARGE OBJECT 700002 IS 'a greeting, it''s short';
            INSERT INTO public.document VALUES (1, 'empty', 700001), (2, 'greeting', 700002), (3, 'big', 700003),
                (4, 'every byte', 700004);
            """;

    private static final String GRANT_READER = """
            DO $$ DECLARE o oid; BEGIN
                FOR o IN SELECT oid FROM pg_largeobject_metadata LOOP
                    EXECUTE format('GRANT SELECT ON LARGE OBJECT %s TO persistor_reader', o);
                END LOOP;
            END $$
            """;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void largeObjectsRoundTripInBothFormatsAsTheSelectOnlyRole(int major) throws Exception {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            source.execute(SEED);
            javax.sql.DataSource reader = source.selectOnlyDataSource();
            source.execute(GRANT_READER);
            for (Format format : Format.values()) {
                BackupResult result = Persistor.backup(reader).format(format)
                        .to(directory.resolve(major + "-" + format + ".sql"));
                assertThat(result.notes()).noneMatch(note -> note.contains("large object"));
                String script = Files.readString(result.file());
                assertThat(script).contains("-- Large objects: 4\n")
                        .contains("SELECT pg_catalog.lo_create(700001);")
                        .contains("COMMENT ON LARGE OBJECT 700002 IS 'a greeting, it''s short';")
                        .contains("SELECT pg_catalog.lo_put(700003, 131072, '\\x");
                Psql.assertRestoresAsSource(source, result.file(), "public");

                TestDatabase target = server.createOwnedDatabase();
                try {
                    Persistor.restore(target.ownerDataSource()).from(result.file());
                    Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
                    assertThat(target.fingerprint("public").lines()).filteredOn(l -> l.startsWith("large object"))
                            .hasSize(4);
                    // A second restore over the first replaces the large objects the owner has.
                    Persistor.restore(target.ownerDataSource()).cleanFirst().from(result.file());
                    Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
                } finally {
                    target.drop();
                }
            }
        } finally {
            source.drop();
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void unreadableLargeObjectsFailTheBackupByOidOrAreLeftOutWhenAsked(int major) throws Exception {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            source.execute(SEED);
            javax.sql.DataSource reader = source.selectOnlyDataSource();
            source.execute(GRANT_READER, "REVOKE SELECT ON LARGE OBJECT 700003 FROM persistor_reader");
            Path refused = directory.resolve(major + "-refused.sql");
            assertThatThrownBy(() -> Persistor.backup(reader).to(refused)).isInstanceOf(PersistorException.class)
                    .hasMessageContaining("Cannot back up 1 large object with OIDs [700003]: the role may not read them")
                    .hasMessageContaining("largeObjects(LargeObjects.READABLE)");
            assertThat(refused).doesNotExist();

            BackupResult readable = Persistor.backup(reader).largeObjects(LargeObjects.READABLE)
                    .to(directory.resolve(major + "-readable.sql"));
            assertThat(readable.notes())
                    .contains("Not backed up: 1 large object with OIDs [700003]: the role may not read them.");
            TestDatabase target = server.createOwnedDatabase();
            try {
                Psql.run(target, readable.file());
                List<String> expected = new ArrayList<>(source.fingerprint("public").lines());
                expected.removeIf(line -> line.startsWith("large object 700003 "));
                assertThat(target.fingerprint("public").lines()).containsExactlyElementsOf(expected);
            } finally {
                target.drop();
            }

            BackupResult none = Persistor.backup(reader).largeObjects(LargeObjects.NONE)
                    .to(directory.resolve(major + "-none.sql"));
            assertThat(none.notes()).contains("Not backed up: 4 large objects (large objects were not asked for).");
            assertThat(Files.readString(none.file())).doesNotContain("lo_create");
        } finally {
            source.drop();
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void ownersAndGrantsComeBackWhenAskedFor(int major) throws Exception {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            source.execute(SEED, """
                    DO $$ BEGIN
                        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'persistor_app') THEN
                            CREATE ROLE persistor_app;
                        END IF;
                    END $$;
                    ALTER LARGE OBJECT 700002 OWNER TO persistor_app;
                    GRANT UPDATE ON LARGE OBJECT 700002 TO PUBLIC;
                    """);
            javax.sql.DataSource reader = source.selectOnlyDataSource();
            source.execute(GRANT_READER);
            BackupResult result = Persistor.backup(reader).ownershipAndPrivileges()
                    .to(directory.resolve(major + "-privileges.sql"));
            TestDatabase target = server.createDatabase();
            try {
                Psql.run(target, result.file());
                assertThat(acls(target)).isEqualTo(acls(source)).anyMatch(l -> l.startsWith("700002 persistor_app"));
                Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
            } finally {
                target.drop();
            }
        } finally {
            source.drop();
        }
    }

    private static List<String> acls(TestDatabase database) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection connection = database.superuserDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT oid || ' ' || lomowner::regrole || ' '"
                     + " || coalesce(lomacl::text, 'default') FROM pg_largeobject_metadata ORDER BY oid")) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return lines;
    }
}
