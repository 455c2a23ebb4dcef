package io.persistor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code persistor restore} runs a backup into a database as its owner, and refuses a cut file. */
@ExtendWith(FreshDatabase.class)
class RestoreCommandIT {

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void restoresACompressedCopyBackupAsTheOwner(TestDatabase source) {
        source.execute("CREATE TABLE public.t (id int PRIMARY KEY, v text)", "INSERT INTO public.t VALUES (1, 'a'), (2, 'b')");
        source.selectOnlyDataSource();
        PostgresServer server = source.server();
        Path file = directory.resolve("t.sql.gz");
        assertThat(run("backup", "-d", source.name(), "-u", PostgresServer.READER_ROLE, "-p", String.valueOf(server.port()),
                "--format", "copy", "-f", file.toString())).as(err.toString()).isZero();
        TestDatabase target = server.createOwnedDatabase();
        try {
            int code = run("restore", "-d", target.name(), "-u", PostgresServer.OWNER_ROLE,
                    "-p", String.valueOf(server.port()), "-f", file.toString());
            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).contains(", 2 rows in ");
            Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
        } finally {
            target.drop();
        }
    }

    @Test
    void listsABackupAndRestoresTheTablesAFilterFileTakes(TestDatabase source) throws Exception {
        source.execute("CREATE SCHEMA app", "CREATE TABLE app.t (id int PRIMARY KEY)",
                "CREATE TABLE app.u (id int REFERENCES app.t)", "CREATE TABLE public.p (x int)",
                "INSERT INTO app.t VALUES (1), (2)", "INSERT INTO app.u VALUES (1)", "INSERT INTO public.p VALUES (5)");
        source.selectOnlyDataSource();
        PostgresServer server = source.server();
        Path file = directory.resolve("full.sql");
        Path backupFilter = Files.writeString(directory.resolve("backup.filter"), "include schema app\n");
        assertThat(run("backup", "-d", source.name(), "-u", PostgresServer.READER_ROLE, "-p",
                String.valueOf(server.port()), "--filter", backupFilter.toString(), "-f", file.toString()))
                .as(err.toString()).isZero();

        assertThat(run("list", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\tpre-data\tTABLE\tapp.t\tapp.t\t\n", "\tdata\tTABLE DATA\tapp.t\tapp.t\t2\n",
                "\tpost-data\tFK CONSTRAINT\tapp.u_id_fkey\tapp.u\t\n").doesNotContain("public.p");
        Path restoreFilter = Files.writeString(directory.resolve("restore.filter"), "include table app.t\n");
        TestDatabase target = server.createOwnedDatabase();
        try {
            int code = run("restore", "-d", target.name(), "-u", PostgresServer.OWNER_ROLE,
                    "-p", String.valueOf(server.port()), "-f", file.toString(), "--filter", restoreFilter.toString());
            assertThat(code).as(err.toString()).isZero();
            assertThat(target.fingerprint("app").lines()).anyMatch(line -> line.contains("app.t"))
                    .noneMatch(line -> line.contains("app.u"));
            code = run("restore", "-d", target.name(), "-u", PostgresServer.OWNER_ROLE,
                    "-p", String.valueOf(server.port()), "-f", file.toString(), "-t", "app.u");
            assertThat(code).as(err.toString()).isZero();
            assertThat(target.fingerprint("app").lines()).anyMatch(line -> line.contains("app.u"));
        } finally {
            target.drop();
        }
    }

    @Test
    void refusesACutFileWithExitCodeFour(TestDatabase target) throws Exception {
        Path file = directory.resolve("cut.sql");
        Files.writeString(file, "CREATE TABLE public.t (id int);\n");
        int code = run("restore", "-d", target.name(), "-u", target.server().superuser(),
                "-p", String.valueOf(target.server().port()), "-f", file.toString());
        assertThat(code).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("closing marker").doesNotContain("\tat ");
    }

    @Test
    void verifiesABackupOfflineAndNamesWhatIsWrong(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.t (id int PRIMARY KEY, v text)", "INSERT INTO public.t VALUES (1, 'a'), (2, 'b')");
        Path file = directory.resolve("t.sql");
        assertThat(run("backup", "-d", source.name(), "-u", source.server().superuser(),
                "-p", String.valueOf(source.server().port()), "--format", "copy", "-f", file.toString())).isZero();

        assertThat(run("verify", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("t.sql: intact, 1 tables, 2 rows");

        Path changed = Files.writeString(directory.resolve("changed.sql"), Files.readString(file).replace("2\tb", "2\tc"));
        assertThat(run("verify", changed.toString())).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(err.toString()).contains("changed.sql: 1 problem\n").contains("changed or corrupted");
    }

    @Test
    void encryptsWithAPassphraseFileThenVerifiesAndRestoresWithIt(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.t (id int PRIMARY KEY, v text)", "INSERT INTO public.t VALUES (1, 'a'), (2, 'b')");
        PostgresServer server = source.server();
        Path passphrase = Files.writeString(directory.resolve("passphrase"), "s3cret words\n");
        Path wrong = Files.writeString(directory.resolve("wrong"), "other words\n");
        Path file = directory.resolve("t.sql.zst.gpg");
        assertThat(run("backup", "-d", source.name(), "-u", server.superuser(), "-p", String.valueOf(server.port()),
                "--zstd", "--encrypt-passphrase-file", passphrase.toString(), "-f", file.toString()))
                .as(err.toString()).isZero();

        assertThat(run("verify", file.toString(), "--passphrase-file", passphrase.toString())).as(err.toString())
                .isZero();
        assertThat(run("verify", file.toString(), "--passphrase-file", wrong.toString()))
                .isEqualTo(ExitCode.DIFFERENCES);
        assertThat(err.toString()).contains("wrong passphrase");
        TestDatabase target = server.createOwnedDatabase();
        try {
            assertThat(run("restore", "-d", target.name(), "-u", PostgresServer.OWNER_ROLE,
                    "-p", String.valueOf(server.port()), "-f", file.toString(), "--passphrase-file",
                    passphrase.toString())).as(err.toString()).isZero();
            Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
        } finally {
            target.drop();
        }
    }

    private int run(String... args) {
        return PersistorCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
