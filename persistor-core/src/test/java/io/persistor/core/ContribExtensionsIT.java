package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.BackupResult;
import io.persistor.Format;
import io.persistor.Persistor;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.Psql;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tables that use contrib extensions' types, operator classes and functions (in indexes, exclusion constraints,
 * defaults) round-trip on every major, restored by a non-superuser owner, as these extensions are trusted; one that
 * only a superuser may create is left out of such a restore with a warning, and created by a superuser's.
 */
class ContribExtensionsIT {

    private static final String SCHEMA = """
            CREATE EXTENSION pg_trgm;
            CREATE EXTENSION btree_gist;
            CREATE EXTENSION ltree;
            CREATE EXTENSION cube;
            CREATE EXTENSION isn;
            CREATE EXTENSION seg;
            CREATE EXTENSION intarray;
            CREATE EXTENSION "uuid-ossp";
            CREATE EXTENSION pgcrypto;
            CREATE EXTENSION fuzzystrmatch;
            CREATE TABLE public.catalogue (
                id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
                path ltree NOT NULL,
                isbn isbn13,
                box cube,
                tolerance seg,
                tags int[],
                title text,
                secret bytea DEFAULT digest('x', 'sha256'),
                room int,
                booked tsrange,
                EXCLUDE USING gist (room WITH =, booked WITH &&)
            );
            CREATE INDEX catalogue_path ON public.catalogue USING gist (path);
            CREATE INDEX catalogue_title ON public.catalogue USING gin (title gin_trgm_ops);
            CREATE INDEX catalogue_tags ON public.catalogue USING gist (tags gist__int_ops);
            CREATE INDEX catalogue_sound ON public.catalogue (soundex(title));
            INSERT INTO public.catalogue (path, isbn, box, tolerance, tags, title, room, booked) VALUES
                ('top.science.physics', '978-0-306-40615-7', '(1,2),(3,4)', '1.5 .. 2.5', '{1,2,3}', 'Physics', 1,
                 '[2024-01-01,2024-01-02)'),
                ('top.art', NULL, '(0)', '6.5', '{}', 'Art ünï', 1, '[2024-01-02,2024-01-03)');
            """;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void tablesUsingTrustedContribExtensionsRoundTrip(int major) {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            source.execute(SCHEMA);
            var reader = source.selectOnlyDataSource();
            Fingerprint expected = source.fingerprint("public");
            for (Format format : Format.values()) {
                BackupResult backup = Persistor.backup(reader).format(format).to(directory.resolve(format + ".sql"));
                TestDatabase target = server.createOwnedDatabase();
                try {
                    Persistor.restore(target.ownerDataSource()).from(backup.file());
                    Fingerprint.assertSame(expected, target.fingerprint("public"));
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
    void anExtensionOnlyASuperuserMayCreateIsLeftOutWithAWarningWhenAnotherRoleRestores(int major) {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        TestDatabase byOwner = server.createOwnedDatabase();
        TestDatabase bySuperuser = server.createDatabase();
        try {
            source.execute("CREATE EXTENSION pg_stat_statements", "CREATE TABLE public.t (id int PRIMARY KEY)",
                    "INSERT INTO public.t VALUES (1)");
            BackupResult backup = Persistor.backup(source.selectOnlyDataSource()).to(directory.resolve("untrusted.sql"));
            assertThat(backup.notes()).contains("Restoring extension pg_stat_statements needs a superuser (only a "
                    + "superuser may create it): run by another role it is skipped with a warning; restore as a "
                    + "superuser.");

            String output = Psql.run(byOwner, backup.file());
            assertThat(output).contains("WARNING:  permission denied to create extension \"pg_stat_statements\"");
            // The extension and its own objects (its views) are all the owner's restore lacks.
            List<String> withoutExtension = source.fingerprint("public").lines().stream()
                    .filter(line -> !line.contains("pg_stat_statements")).toList();
            assertThat(byOwner.fingerprint("public").lines()).isEqualTo(withoutExtension);

            Psql.run(bySuperuser, backup.file());
            Fingerprint.assertSame(source.fingerprint("public"), bySuperuser.fingerprint("public"));
        } finally {
            source.drop();
            byOwner.drop();
            bySuperuser.drop();
        }
    }
}
