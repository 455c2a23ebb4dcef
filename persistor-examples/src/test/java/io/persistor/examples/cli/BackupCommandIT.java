package io.persistor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.Psql;
import io.persistor.testkit.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The backup command with the original tool's options, run in-process. */
@ExtendWith(FreshDatabase.class)
class BackupCommandIT {

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void backsUpWithTheOriginalToolsOptionsIntoATimestampedFile(TestDatabase source) throws Exception {
        source.execute("CREATE SCHEMA sales", "CREATE TABLE sales.a (id int PRIMARY KEY)", "CREATE TABLE sales.b (x text)",
                "CREATE TABLE sales.c (y text)", "INSERT INTO sales.a VALUES (1), (2)", "INSERT INTO sales.b VALUES ('x')");
        source.selectOnlyDataSource();
        PostgresServer server = source.server();

        int code = run("backup", "-d", source.name(), "-u", PostgresServer.READER_ROLE, "-h", server.host(),
                "-p", String.valueOf(server.port()), "-P", PostgresServer.ROLE_PASSWORD, "-s", "sales", "-t", "a,b",
                "-o", directory.toString());

        assertThat(code).as(err.toString()).isZero();
        List<Path> files = list(directory);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).matches(source.name() + "-\\d{8}-\\d{6}\\.sql");
        assertThat(out.toString()).contains(files.get(0).toString()).contains("2 tables, 3 rows,");
        TestDatabase restored = server.createOwnedDatabase();
        try {
            Psql.run(restored, files.get(0));
            source.execute("DROP TABLE sales.c");
            Fingerprint.assertSame(source.fingerprint("sales"), restored.fingerprint("sales"));
        } finally {
            restored.drop();
        }
    }

    @Test
    void keepsTheNewestBackupsOfTheDatabaseAndTouchesNothingElse(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.t (id int)");
        String db = source.name();
        List<String> others = List.of(db + "-20260101-000000.sql", db + "-20260102-000000.sql.gz",
                db + "-20260103-000000.sql.zst", db + "-20260104-000000.sql");
        for (String name : others) {
            Files.writeString(directory.resolve(name), "an older backup");
        }
        List<String> untouched = List.of("other_db-20250101-000000.sql", db + "-notes.txt",
                db + "-20250101-000000.sql.bak");
        for (String name : untouched) {
            Files.writeString(directory.resolve(name), "not a backup of this database");
        }

        int code = run("backup", "-d", db, "-u", source.server().superuser(), "-h", source.server().host(),
                "-p", String.valueOf(source.server().port()), "-o", directory.toString(), "--keep", "3");

        assertThat(code).as(err.toString()).isZero();
        List<String> left = list(directory).stream().map(p -> p.getFileName().toString()).toList();
        assertThat(left).containsAll(untouched).contains(db + "-20260103-000000.sql.zst", db + "-20260104-000000.sql")
                .doesNotContain(db + "-20260101-000000.sql", db + "-20260102-000000.sql.gz").hasSize(6);
        assertThat(err.toString()).contains("Pruned: ").contains("20260101-000000.sql");
        assertThat(run("backup", "-d", db, "-u", source.server().superuser(), "-f", directory.resolve("x.sql").toString(),
                "--keep", "2")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void writesToTheExactFileGivenWithDashF(TestDatabase source) {
        source.execute("CREATE TABLE public.t (id int)");
        Path file = directory.resolve("exact.sql");
        int code = run("backup", "-d", source.name(), "-u", source.server().superuser(), "-h", source.server().host(),
                "-p", String.valueOf(source.server().port()), "-f", file.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(file).exists();
    }

    @Test
    void printsTheNotesOfWhatItLeftOut(TestDatabase source) {
        source.execute("CREATE TABLE public.t (id int)", "SELECT lo_from_bytea(0, 'blob'::bytea)");
        int code = run("backup", "-d", source.name(), "-u", source.server().superuser(), "-h", source.server().host(),
                "-p", String.valueOf(source.server().port()), "-f", directory.resolve("noted.sql").toString(),
                "--large-objects", "none");
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("Note: Not backed up: 1 large object (large objects were not asked for).");
    }

    @Test
    void exitsWithTwoOnAUsageError() {
        assertThat(run("backup", "-d", "shop", "-u", "someone", "--format", "csv")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("Invalid value for option '--format': 'csv' (expected inserts or copy)");
    }

    @Test
    void exitsWithThreeWhenTheServerCannotBeReached(TestDatabase source) throws Exception {
        int code = run("backup", "-d", source.name(), "-u", "postgres", "-h", "127.0.0.1", "-p", "1",
                "-o", directory.toString());
        assertThat(code).isEqualTo(ExitCode.CONNECTION);
        assertThat(err.toString()).startsWith("persistor: cannot connect: ").doesNotContain("\tat ");
        assertThat(list(directory)).isEmpty();
    }

    @Test
    void exitsWithThreeForADatabaseThatDoesNotExist(TestDatabase source) {
        int code = run("backup", "-d", "no_such_database", "-u", "postgres", "-h", source.server().host(),
                "-p", String.valueOf(source.server().port()));
        assertThat(code).isEqualTo(ExitCode.CONNECTION);
        assertThat(err.toString()).contains("no_such_database");
    }

    @Test
    void exitsWithFourAndOneLineForAMissingSchema(TestDatabase source) {
        int code = run("backup", "-d", source.name(), "-u", "postgres", "-h", source.server().host(),
                "-p", String.valueOf(source.server().port()), "-s", "nope", "-o", directory.toString());
        assertThat(code).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString().strip()).isEqualTo("persistor: Cannot back up: schema nope does not exist in this database.");
    }

    @Test
    void keepsASubsetFollowingForeignKeys(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.customer (id int PRIMARY KEY)",
                "CREATE TABLE public.orders (id int PRIMARY KEY, customer_id int REFERENCES public.customer)",
                "CREATE TABLE public.event (id int PRIMARY KEY)",
                "INSERT INTO public.customer SELECT g FROM generate_series(1, 10) g",
                "INSERT INTO public.orders SELECT g, g FROM generate_series(1, 10) g",
                "INSERT INTO public.event SELECT g FROM generate_series(1, 100) g");
        source.selectOnlyDataSource();
        PostgresServer server = source.server();
        Path file = directory.resolve("subset.sql");

        int code = run("backup", "-d", source.name(), "-u", PostgresServer.READER_ROLE, "-h", server.host(),
                "-p", String.valueOf(server.port()), "-P", PostgresServer.ROLE_PASSWORD, "-f", file.toString(),
                "--where", "public.orders: id IN (3, 4)", "--limit", "event: 7");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("3 tables, 11 rows,");
        assertThat(io.persistor.Persistor.verify(file).rows()).containsEntry("public.orders", 2L)
                .containsEntry("public.customer", 2L).containsEntry("public.event", 7L);
        assertThat(run("backup", "-d", source.name(), "-u", PostgresServer.READER_ROLE, "--where", "no colon"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("expected 'schema.table: value'");
    }

    @Test
    void masksColumnsAlikeWithTheKeyInAFile(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.customer (id int PRIMARY KEY, email text UNIQUE, age int)",
                "CREATE TABLE public.orders (id int PRIMARY KEY, email text REFERENCES public.customer (email))",
                "INSERT INTO public.customer SELECT g, 'someone' || g || '@mail.test', 20 + g FROM generate_series(1, 10) g",
                "INSERT INTO public.orders SELECT g, 'someone' || g || '@mail.test' FROM generate_series(1, 10) g");
        source.selectOnlyDataSource();
        PostgresServer server = source.server();
        Path key = Files.writeString(directory.resolve("masking.key"), "sixteen or more characters\n");
        List<String> files = new ArrayList<>();
        for (String name : List.of("masked.sql", "again.sql")) {
            Path file = directory.resolve(name);
            int code = run("backup", "-d", source.name(), "-u", PostgresServer.READER_ROLE, "-h", server.host(),
                    "-p", String.valueOf(server.port()), "-P", PostgresServer.ROLE_PASSWORD, "-f", file.toString(),
                    "--format", "copy", "--mask", "public.customer.email: email", "--mask", "customer.age: number(1, 9)",
                    "--masking-key-file", key.toString());
            assertThat(code).as(err.toString()).isZero();
            // The time in the header, and so the digest of the script that holds it, differ from run to run.
            files.add(Files.readString(file).replaceAll("-- Taken: .*\n", "")
                    .replaceAll("-- SHA-256 of the script above: .*\n", ""));
        }

        assertThat(files.get(0)).doesNotContain("@mail.test").contains("public.orders.email email (by foreign key "
                + "from public.customer.email)").isEqualTo(files.get(1));
        assertThat(run("backup", "-d", source.name(), "-u", PostgresServer.READER_ROLE, "--mask",
                "public.customer.age: number(1, 9")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("name or name(arguments)");
    }

    private int run(String... args) {
        return PersistorCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static List<Path> list(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.collect(Collectors.toList());
        }
    }
}
