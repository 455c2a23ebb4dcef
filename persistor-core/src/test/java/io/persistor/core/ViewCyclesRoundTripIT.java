package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.BackupResult;
import io.persistor.Persistor;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.Psql;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Views that cannot be created in one go come back as pg_dump brings them: a view replaced by one over itself, views
 * replaced to read each other, and a view whose {@code GROUP BY} relies on a primary key are created first with
 * their columns only and given their queries once what they read exists. Also the {@code public} schema's comment
 * when it was removed.
 */
class ViewCyclesRoundTripIT {

    private static final String SEED = """
            COMMENT ON SCHEMA public IS NULL;
            CREATE TABLE public.item (id integer PRIMARY KEY, name text, price numeric(8,2));
            INSERT INTO public.item VALUES (1, 'pen', 1.50), (2, 'ink', 4.25);
            CREATE VIEW public.item_summary AS SELECT i.id, i.name, sum(i.price) AS total
                FROM public.item i GROUP BY i.id;
            CREATE MATERIALIZED VIEW public.dear_items AS SELECT id, total FROM public.item_summary WHERE total > 2;
            CREATE VIEW public.selfish AS SELECT 1 AS a, 'x'::text COLLATE "C" AS b;
            CREATE OR REPLACE VIEW public.selfish AS SELECT a, b FROM public.selfish WHERE false;
            CREATE VIEW public.ping AS SELECT 1 AS n, NULL::numeric(6,1) AS v;
            CREATE VIEW public.pong AS SELECT n, v FROM public.ping;
            CREATE OR REPLACE VIEW public.ping AS SELECT n, v FROM public.pong WHERE n > 0;
            COMMENT ON VIEW public.ping IS 'in a cycle';
            CREATE VIEW public.over_pong AS SELECT n + 1 AS m FROM public.pong;
            CREATE FUNCTION public.pongs() RETURNS SETOF public.pong LANGUAGE plpgsql
                AS 'BEGIN RETURN QUERY SELECT * FROM public.pong; END';
            """;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void viewsInCyclesAndViewsNeedingKeysRoundTrip(int major) throws Exception {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            source.execute(SEED);
            BackupResult result = Persistor.backup(source.selectOnlyDataSource())
                    .to(directory.resolve(major + ".sql"));
            String script = Files.readString(result.file());
            assertThat(script).contains("CREATE VIEW \"public\".\"selfish\" AS\n SELECT NULL::integer AS \"a\",\n"
                            + "    NULL::text COLLATE pg_catalog.\"C\" AS \"b\";")
                    .contains("CREATE VIEW \"public\".\"over_pong\" AS\nSELECT")
                    .contains("CREATE OR REPLACE VIEW \"public\".\"item_summary\" AS");
            assertThat(script.indexOf("CREATE OR REPLACE VIEW \"public\".\"item_summary\""))
                    .as("the view that needs the key comes after it")
                    .isGreaterThan(script.indexOf("ADD CONSTRAINT \"item_pkey\" PRIMARY KEY"));

            // Restored by a superuser: everything, the public schema's missing comment included.
            TestDatabase target = server.createDatabase();
            try {
                Psql.run(target, result.file());
                Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
            } finally {
                target.drop();
            }
            // By the database's owner, who may set the public schema's comment from PostgreSQL 15 only.
            if (major >= 15) {
                Psql.assertRestoresAsSource(source, result.file(), "public");
            } else {
                TestDatabase owned = server.createOwnedDatabase();
                try {
                    assertThat(Psql.run(owned, result.file()))
                            .contains("The comment of schema public was not restored: only its owner may set it.");
                } finally {
                    owned.drop();
                }
            }
        } finally {
            source.drop();
        }
    }
}
