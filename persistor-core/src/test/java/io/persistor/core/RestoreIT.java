package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import io.persistor.BackupResult;
import io.persistor.Format;
import io.persistor.OnError;
import io.persistor.Persistor;
import io.persistor.PersistorException;
import io.persistor.RestoreResult;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.SqlScripts;
import io.persistor.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code Persistor.restore} runs both formats as a non-superuser owner, all or nothing, and refuses what it must. */
@ExtendWith(FreshDatabase.class)
class RestoreIT {

    @TempDir
    Path directory;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void restoresTheWholeObjectSetInBothFormatsAsTheOwner(int major) {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            CatalogRoundTripIT.seed(source, server.major());
            var reader = source.selectOnlyDataSource();
            Fingerprint expected = source.fingerprint("app", CatalogRoundTripIT.ODD_SCHEMA);
            for (Format format : Format.values()) {
                BackupResult backup = Persistor.backup(reader).schemas("app", CatalogRoundTripIT.ODD_SCHEMA)
                        .enableRowSecurity().format(format).to(directory.resolve(format + ".sql.gz"));
                TestDatabase target = server.createOwnedDatabase();
                try {
                    RestoreResult result = Persistor.restore(target.ownerDataSource()).from(backup.file());
                    assertThat(result.rows()).isEqualTo(backup.rows());
                    Fingerprint.assertSame(expected, target.fingerprint("app", CatalogRoundTripIT.ODD_SCHEMA));
                } finally {
                    target.drop();
                }
            }
        } finally {
            source.drop();
        }
    }

    @Test
    void aFailingStatementLeavesTheTargetAsItWasAndNamesFileLineAndStatement(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.t (id int PRIMARY KEY, v text)", "INSERT INTO public.t VALUES (1, 'a'), (2, 'b')");
        Path file = Persistor.backup(source.selectOnlyDataSource()).to(directory.resolve("t.sql")).file();
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        int insert = lines.indexOf("(2, 'b');");
        lines.set(insert, "(1, 'duplicate');");
        Files.write(file, lines, StandardCharsets.UTF_8);
        TestDatabase target = source.server().createOwnedDatabase();
        try {
            Fingerprint before = target.fingerprint("public");
            assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource()).from(file))
                    .isInstanceOf(PersistorException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("could not create unique index \"t_pkey\"")
                    .hasMessageContaining("in: ALTER TABLE ONLY \"public\".\"t\" ADD CONSTRAINT \"t_pkey\"")
                    .hasMessageMatching("(?s).*, line \\d+: .*")
                    .extracting(e -> ((PersistorException) e).sqlState()).isEqualTo("23505");
            Fingerprint.assertSame(before, target.fingerprint("public"));
        } finally {
            target.drop();
        }
    }

    @Test
    void aRowThatBreaksACheckFailsTheRestoreAndNamesWhereItsInsertsStart(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.t (id int, price int CHECK (price >= 0))",
                "INSERT INTO public.t SELECT g, g FROM generate_series(1, 10) g");
        Path file = Persistor.backup(source.selectOnlyDataSource()).rowsPerInsert(3).to(directory.resolve("t.sql")).file();
        String script = Files.readString(file, StandardCharsets.UTF_8).replace("(8, 8)", "(8, -8)");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        TestDatabase target = source.server().createOwnedDatabase();
        try {
            Fingerprint before = target.fingerprint("public");
            assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource()).from(file))
                    .isInstanceOf(PersistorException.class)
                    .hasMessageContaining("violates check constraint \"t_price_check\"")
                    .hasMessageMatching("(?s).*t\\.sql, line \\d+ \\(and the INSERTs into the same table after it\\).*")
                    .hasMessageContaining("in: INSERT INTO \"public\".\"t\"");
            Fingerprint.assertSame(before, target.fingerprint("public"));
        } finally {
            target.drop();
        }
    }

    @Test
    void refusesATruncatedScriptBeforeRunningAnything(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.t (id int)");
        Path file = Persistor.backup(source.selectOnlyDataSource()).to(directory.resolve("t.sql")).file();
        byte[] bytes = Files.readAllBytes(file);
        byte[] shortened = Arrays.copyOf(bytes, bytes.length - 40);
        // A compressed script is read to its end to find its last line; a plain one only at its end.
        Path cut = Files.write(directory.resolve("cut.sql"), shortened);
        Path cutGzip = directory.resolve("cut.sql.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(cutGzip))) {
            out.write(shortened);
        }
        Path cutZstd = directory.resolve("cut.sql.zst");
        try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(cutZstd))) {
            out.write(shortened);
        }
        TestDatabase target = source.server().createOwnedDatabase();
        try {
            for (Path script : List.of(cut, cutGzip, cutZstd)) {
                assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource()).from(script))
                        .as(script.getFileName().toString())
                        .isInstanceOf(PersistorException.class)
                        .hasMessageContaining("does not end with Persistor's closing marker")
                        .hasMessageContaining("Nothing was run");
                assertThat(target.fingerprint("public").lines()).noneMatch(line -> line.contains("public.t"));
            }
        } finally {
            target.drop();
        }
    }

    @Test
    void aMissingFileOrADirectoryIsNamedAsSuch(TestDatabase target) {
        assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource()).from(directory.resolve("gone.sql")))
                .isInstanceOf(PersistorException.class)
                .hasMessage("Cannot restore " + directory.resolve("gone.sql") + ": no such file. Nothing was run.");
        assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource()).from(directory))
                .isInstanceOf(PersistorException.class)
                .hasMessageEndingWith(": not a regular file. Nothing was run.");
    }

    @Test
    void refusesATargetThatHoldsTheObjectsUnlessToldToCleanFirst(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.t (id int PRIMARY KEY)", "INSERT INTO public.t VALUES (7)",
                "CREATE TABLE public.p (a int, b text) PARTITION BY RANGE (a)",
                "CREATE TABLE public.p1 PARTITION OF public.p FOR VALUES FROM (0) TO (10)",
                "INSERT INTO public.p VALUES (1, 'x')");
        Path file = Persistor.backup(source.selectOnlyDataSource()).to(directory.resolve("t.sql")).file();
        TestDatabase target = source.server().createOwnedDatabase();
        try {
            Persistor.restore(target.ownerDataSource()).from(file);
            assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource()).from(file))
                    .isInstanceOf(PersistorException.class)
                    .hasMessageContaining("not empty: schema public holds table public.p, table public.t")
                    .hasMessageContaining("cleanFirst()");

            RestoreResult again = Persistor.restore(target.ownerDataSource()).cleanFirst().from(file);
            assertThat(again.rows()).isEqualTo(2);
            Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
        } finally {
            target.drop();
        }
    }

    @Test
    void restoresFromAStreamAndCollectsErrorsWhenToldToContinue(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.t (id int)", "INSERT INTO public.t VALUES (1)");
        Path file = Persistor.backup(source.selectOnlyDataSource()).to(directory.resolve("t.sql")).file();
        // A script edited by hand, so without the digest a changed Persistor file is refused by.
        String script = Files.readString(file, StandardCharsets.UTF_8)
                .replace("INSERT INTO \"public\".\"t\"", "SELECT no_such_function();\nINSERT INTO \"public\".\"t\"")
                .replaceAll("-- SHA-256 of the script above: [0-9a-f]+\n", "");
        TestDatabase target = source.server().createOwnedDatabase();
        try (InputStream in = new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8))) {
            RestoreResult result = Persistor.restore(target.ownerDataSource()).onError(OnError.CONTINUE).from(in);
            assertThat(result.file()).isNull();
            assertThat(result.errors()).singleElement().asString().contains("no_such_function");
            assertThat(result.rows()).isEqualTo(1);
            Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
        } finally {
            target.drop();
        }
    }

    @Test
    void readsUtf8AndSqlAsciiScriptsAndRefusesOtherEncodingsBeforeChangingAnything(TestDatabase target)
            throws Exception {
        Path ascii = Files.writeString(directory.resolve("ascii.sql"), "SET client_encoding = 'SQL_ASCII';\n"
                + "CREATE TABLE public.plain (v text);\nINSERT INTO public.plain VALUES ('caf\u00e9');\n");
        Persistor.restore(target.superuserDataSource()).allowMissingClosingMarker().from(ascii);
        assertThat(target.fingerprint("public").lines()).anyMatch(line -> line.startsWith("rows public.plain 1 "));

        Path latin = Files.writeString(directory.resolve("latin.sql"), "CREATE TABLE public.other (v text);\n"
                + "SET client_encoding TO 'LATIN1';\nINSERT INTO public.other VALUES ('x');\n");
        TestDatabase empty = target.server().createDatabase();
        try {
            assertThatThrownBy(() -> Persistor.restore(empty.superuserDataSource()).allowMissingClosingMarker()
                    .from(latin)).hasMessageContaining("latin.sql, line 2: the script is in encoding LATIN1")
                    .hasMessageContaining("iconv -f LATIN1 -t UTF-8");
            assertThat(empty.fingerprint("public").lines()).noneMatch(line -> line.contains("public.other"));
        } finally {
            empty.drop();
        }
    }

    @Test
    void runsAPgDumpPlainFileWhenAllowedToDoWithoutTheMarker() throws Exception {
        PostgresServer server = PostgresServers.major(15);
        TestDatabase source = server.createDatabase();
        TestDatabase target = server.createOwnedDatabase();
        try {
            source.execute(SqlScripts.load(getClass(), "foundation-schema.sql"));
            Path dump = directory.resolve("pg_dump.sql");
            Process pgDump = new ProcessBuilder("pg_dump", "-h", server.host(), "-p", String.valueOf(server.port()),
                    "-U", server.superuser(), "--no-owner", "--no-privileges", "-f", dump.toString(), source.name())
                    .redirectErrorStream(true).start();
            assertThat(pgDump.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(pgDump.exitValue()).as(new String(pgDump.getInputStream().readAllBytes())).isZero();

            assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource()).from(dump))
                    .hasMessageContaining("closing marker");
            Persistor.restore(target.ownerDataSource()).allowMissingClosingMarker().from(dump);
            Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
        } finally {
            source.drop();
            target.drop();
        }
    }
}
