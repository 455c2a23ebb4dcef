package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.Format;
import io.persistor.OnError;
import io.persistor.Persistor;
import io.persistor.RestoreResult;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.Queries;
import io.persistor.testkit.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Restores by several connections ({@code Restore.jobs}): the same database as one connection's restore, from
 * either format; and after a failure in any phase (definitions, rows, indexes, keys, the rest) nothing the restore
 * created is left behind.
 */
class ParallelRestoreIT {

    @TempDir
    Path directory;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void twoJobsRestoreWhatOneConnectionRestores(int major) throws Exception {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            source.execute("CREATE SCHEMA app",
                    "CREATE TABLE app.customer (id serial PRIMARY KEY, email text UNIQUE, name text)",
                    "CREATE TABLE app.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                            + "customer int NOT NULL REFERENCES app.customer, placed date, note text)",
                    "CREATE INDEX orders_placed ON app.orders (placed)",
                    "CREATE INDEX orders_note ON app.orders (lower(note))",
                    "CREATE TABLE app.event (at date NOT NULL, what text, PRIMARY KEY (at, what)) "
                            + "PARTITION BY RANGE (at)",
                    "CREATE TABLE app.event_1 PARTITION OF app.event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
                    "CREATE TABLE app.event_2 PARTITION OF app.event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                    "CREATE MATERIALIZED VIEW app.totals AS SELECT customer, count(*) AS n FROM app.orders GROUP BY 1",
                    "CREATE UNIQUE INDEX totals_customer ON app.totals (customer)",
                    "CREATE VIEW app.recent AS SELECT * FROM app.orders WHERE placed > DATE '2026-06-01'",
                    "INSERT INTO app.customer (email, name) SELECT 'c' || g || '@x.test', 'name ' || g "
                            + "FROM generate_series(1, 3000) g",
                    "INSERT INTO app.orders (customer, placed, note) SELECT 1 + g % 3000, DATE '2026-01-01' + g % 365, "
                            + "'note ' || g FROM generate_series(1, 20000) g",
                    "INSERT INTO app.event SELECT DATE '2025-01-01' + g % 700, 'what ' || g FROM generate_series(1, 5000) g",
                    "REFRESH MATERIALIZED VIEW app.totals");
            Fingerprint expected = source.fingerprint("app");
            // A plain file is read by each connection at the offsets of its tables' rows, a compressed one handed
            // out in chunks by one reader.
            for (String suffix : List.of(".sql", ".sql.zst")) {
                for (Format format : Format.values()) {
                    Path file = Persistor.backup(source.selectOnlyDataSource()).schema("app").format(format)
                            .to(directory.resolve(major + "-" + format + suffix)).file();
                    TestDatabase target = server.createOwnedDatabase();
                    try {
                        RestoreResult result = Persistor.restore(target.ownerDataSource()).jobs(2).from(file);
                        assertThat(result.rows()).isEqualTo(3000 + 20000 + 5000);
                        Fingerprint.assertSame(expected, target.fingerprint("app"));
                    } finally {
                        target.drop();
                    }
                }
            }
        } finally {
            source.drop();
        }
    }

    @Test
    void aFailureInAnyPhaseLeavesTheTargetAsItWas() throws Exception {
        PostgresServer server = PostgresServers.defaultServer();
        String definitions = """
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE SCHEMA shop;
                CREATE TABLE shop.a (id int, label text);
                CREATE TABLE shop.b (id int, a_id int);
                CREATE TABLE public.c (id int);
                """;
        String data = """
                COPY shop.a (id, label) FROM stdin;
                1\tone
                2\ttwo
                \\.
                COPY shop.b (id, a_id) FROM stdin;
                1\t1
                2\t2
                \\.
                COPY public.c (id) FROM stdin;
                7
                \\.
                """;
        String postData = """
                CREATE INDEX a_label ON shop.a (label);
                ALTER TABLE ONLY shop.a ADD CONSTRAINT a_pk PRIMARY KEY (id);
                ALTER TABLE ONLY shop.b ADD CONSTRAINT b_pk PRIMARY KEY (id);
                ALTER TABLE ONLY shop.b ADD CONSTRAINT b_a FOREIGN KEY (a_id) REFERENCES shop.a (id);
                COMMENT ON TABLE shop.a IS 'a';
                """;
        Map<String, String> failures = Map.of(
                "definitions", (definitions + data + postData).replace("a_id int", "a_id no_such_type"),
                "rows", (definitions + data + postData).replace("2\ttwo", "two\t2"),
                "indexes", (definitions + data + postData).replace("(label);", "(no_such_column);"),
                "keys", (definitions + data + postData).replace("2\t2\n", "1\t2\n"),
                "the rest", (definitions + data + postData).replace("REFERENCES shop.a (id)",
                        "REFERENCES shop.a (id) MATCH FULL; SELECT 1/0"));
        TestDatabase target = server.createOwnedDatabase();
        try {
            target.execute("CREATE SCHEMA other", "CREATE TABLE other.kept (id int)",
                    "INSERT INTO other.kept VALUES (1)");
            Fingerprint before = target.fingerprint("public", "other");
            List<String> extensionsBefore = Queries.column(target.ownerDataSource(),
                    "SELECT extname FROM pg_extension ORDER BY 1");
            // From a plain file (each connection reads its tables' rows) and a compressed one (rows handed out).
            for (Map.Entry<String, String> failure : failures.entrySet()) {
                for (Path file : scripts(failure.getKey().replace(' ', '-'), failure.getValue())) {
                    String phase = "a failure in the " + failure.getKey() + ", " + file.getFileName();
                    assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource()).allowMissingClosingMarker()
                            .jobs(2).from(file)).as(phase).hasMessageContaining("ERROR");
                    Fingerprint.assertSame(before, target.fingerprint("public", "other"));
                    assertThat(Queries.column(target.ownerDataSource(), "SELECT nspname FROM pg_namespace "
                            + "WHERE nspname = 'shop'")).as(phase).isEmpty();
                    assertThat(Queries.column(target.ownerDataSource(), "SELECT extname FROM pg_extension ORDER BY 1"))
                            .as(phase).isEqualTo(extensionsBefore);
                }
            }
            Path intact = Files.writeString(directory.resolve("intact.sql"), definitions + data + postData);
            Persistor.restore(target.ownerDataSource()).allowMissingClosingMarker().jobs(2).from(intact);
            assertThat(Queries.column(target.ownerDataSource(), "SELECT count(*) FROM shop.b JOIN shop.a "
                    + "ON a.id = b.a_id")).containsExactly("2");
        } finally {
            target.drop();
        }
    }

    @Test
    void loadsCsvRowsThatSpanLinesOnOneConnectionFromAFileOrAStream() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 20_000; i++) {
            rows.append(i).append(",\"line one of ").append(i).append("\nline two, \"\"quoted\"\"\"\n");
        }
        String script = "CREATE SCHEMA shop;\nCREATE TABLE shop.notes (id int, body text);\n"
                + "COPY shop.notes (id, body) FROM stdin WITH (FORMAT csv);\n" + rows + "\\.\n"
                + "ALTER TABLE ONLY shop.notes ADD CONSTRAINT notes_pk PRIMARY KEY (id);\n";
        for (Path file : scripts("notes", script)) {
            TestDatabase target = PostgresServers.defaultServer().createOwnedDatabase();
            try {
                RestoreResult result = Persistor.restore(target.ownerDataSource()).allowMissingClosingMarker()
                        .jobs(2).from(file);
                assertThat(result.rows()).as(file.getFileName().toString()).isEqualTo(20_000);
                assertThat(Queries.column(target.ownerDataSource(), "SELECT count(*) FROM shop.notes WHERE body = "
                        + "'line one of ' || id || E'\\nline two, \"quoted\"'")).containsExactly("20000");
            } finally {
                target.drop();
            }
        }
    }

    @Test
    void splitsALargeTableAcrossTheConnectionsAndUndoesItWhenAPartFails() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 300_000; i++) {
            rows.append(i).append("\tpadding to make the rows of this table some sixty bytes long\n");
        }
        String script = "CREATE SCHEMA shop;\nCREATE TABLE shop.small (id int);\nCREATE TABLE shop.big (id int, pad text);\n"
                + "COPY shop.small (id) FROM stdin;\n1\n\\.\n"
                + "COPY shop.big (id, pad) FROM stdin;\n" + rows + "\\.\n"
                + "ALTER TABLE ONLY shop.big ADD CONSTRAINT big_pk PRIMARY KEY (id);\n";
        Path file = Files.writeString(directory.resolve("big.sql"), script);
        TestDatabase target = PostgresServers.defaultServer().createOwnedDatabase();
        try {
            RestoreResult result = Persistor.restore(target.ownerDataSource()).allowMissingClosingMarker().jobs(2)
                    .from(file);
            assertThat(result.rows()).isEqualTo(300_001);
            assertThat(Queries.column(target.ownerDataSource(), "SELECT count(DISTINCT id) || ' ' || sum(id) || ' ' "
                    + "|| count(*) FILTER (WHERE pad LIKE 'padding%long') FROM shop.big"))
                    .containsExactly("300000 45000150000 300000");
            // One connection would have stored the rows in the file's order; two interleave their pages.
            assertThat(Queries.column(target.ownerDataSource(), "SELECT count(*) FROM (SELECT id < lag(id) "
                    + "OVER (ORDER BY ctid) AS back FROM shop.big) rows WHERE back")).doesNotContain("0");
            target.execute("DROP SCHEMA shop CASCADE");
            Path broken = Files.writeString(directory.resolve("broken.sql"),
                    script.replace("\n299999\t", "\nnot a number\t"));
            assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource()).allowMissingClosingMarker().jobs(2)
                    .from(broken)).hasMessageContaining("not a number");
            assertThat(Queries.column(target.ownerDataSource(), "SELECT nspname FROM pg_namespace "
                    + "WHERE nspname = 'shop'")).isEmpty();
        } finally {
            target.drop();
        }
    }

    @Test
    void loadsATextCopyWithAHeaderLineOnOneConnectionFromAFileOrAStream() throws Exception {
        StringBuilder rows = new StringBuilder("id\tpad\n");
        for (int i = 1; i <= 300_000; i++) {
            rows.append(i).append("\tpadding to make the rows of this table some sixty bytes long\n");
        }
        // HEADER in text format is PostgreSQL 15's: each COPY that ran a part of the rows would skip its first line.
        String script = "CREATE SCHEMA shop;\nCREATE TABLE shop.small (id int);\nCREATE TABLE shop.big (id int, pad text);\n"
                + "COPY shop.small (id) FROM stdin;\n1\n\\.\n"
                + "COPY shop.big (id, pad) FROM stdin WITH (FORMAT text, HEADER true);\n" + rows + "\\.\n";
        for (Path file : scripts("header", script)) {
            TestDatabase target = PostgresServers.major(18).createOwnedDatabase();
            try {
                RestoreResult result = Persistor.restore(target.ownerDataSource()).allowMissingClosingMarker()
                        .jobs(2).from(file);
                assertThat(result.rows()).as(file.getFileName().toString()).isEqualTo(300_001);
                assertThat(Queries.column(target.ownerDataSource(), "SELECT count(*) || ' ' || sum(id) FROM shop.big"))
                        .as(file.getFileName().toString()).containsExactly("300000 45000150000");
            } finally {
                target.drop();
            }
        }
    }

    @Test
    void passesOverAClientEncodingTheConnectionsKeepAtUtf8() throws Exception {
        String script = "SET client_encoding = 'SQL_ASCII';\nCREATE SCHEMA shop;\nCREATE TABLE shop.a (id int);\n"
                + "COPY shop.a (id) FROM stdin;\n1\n2\n\\.\nCREATE INDEX a_id ON shop.a (id);\n";
        for (Path file : scripts("encoding", script)) {
            TestDatabase target = PostgresServers.defaultServer().createOwnedDatabase();
            try {
                RestoreResult result = Persistor.restore(target.ownerDataSource()).allowMissingClosingMarker()
                        .jobs(2).from(file);
                assertThat(result.rows()).as(file.getFileName().toString()).isEqualTo(2);
            } finally {
                target.drop();
            }
        }
    }

    /** A script as a plain file and as a gzip-compressed one. */
    private List<Path> scripts(String name, String script) throws IOException {
        Path plain = Files.writeString(directory.resolve(name + ".sql"), script);
        Path compressed = directory.resolve(name + ".sql.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(compressed))) {
            out.write(script.getBytes(StandardCharsets.UTF_8));
        }
        return List.of(plain, compressed);
    }

    @Test
    void refusesOptionsItCannotHonour() {
        TestDatabase target = PostgresServers.defaultServer().createOwnedDatabase();
        try {
            assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource()).jobs(2).cleanFirst()
                    .from(directory.resolve("none.sql"))).hasMessageContaining("cannot be combined with");
            assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource()).jobs(2).onError(OnError.CONTINUE)
                    .from(directory.resolve("none.sql"))).hasMessageContaining("cannot be combined with");
            assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource()).jobs(0)
                    .from(directory.resolve("none.sql"))).hasMessageContaining("jobs must be at least 1");
        } finally {
            target.drop();
        }
    }
}
