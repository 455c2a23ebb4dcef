package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.BackupResult;
import io.persistor.Decryption;
import io.persistor.Encryption;
import io.persistor.Format;
import io.persistor.Persistor;
import io.persistor.ProgressListener;
import io.persistor.spi.InputSource;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.Gpg;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Encrypted backups are OpenPGP messages: they restore through {@code Persistor.restore} with the passphrase or
 * the secret key, decrypt with {@code gpg}, and never put an unencrypted row on disk; files {@code gpg} encrypted
 * restore too; a missing or wrong passphrase is refused before anything runs.
 */
class EncryptionRoundTripIT {

    private static final String MARKER = "unencrypted-marker-7731";
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    Path directory;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void encryptedBackupsRestoreWithThePassphraseInBothFormats(int major) throws Exception {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            seed(source);
            for (Format format : Format.values()) {
                List<String> plaintextSeen = Collections.synchronizedList(new ArrayList<>());
                BackupResult backup = Persistor.backup(source.selectOnlyDataSource()).format(format).parallelism(2)
                        .encrypt(Encryption.withPassphrase(PASSPHRASE)).progressListener(scanning(plaintextSeen))
                        .to(directory.resolve(major + "-" + format + ".sql.gpg"));
                assertThat(plaintextSeen).as("files holding a row unencrypted during the backup").isEmpty();
                byte[] file = Files.readAllBytes(backup.file());
                assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain(MARKER).doesNotContain("CREATE");

                assertThatThrownBy(() -> Persistor.restore(source.ownerDataSource()).from(backup.file()))
                        .hasMessageContaining("is encrypted: give its passphrase or secret key");
                assertThat(Persistor.verify(backup.file(), Decryption.withPassphrase(PASSPHRASE)).problems()).isEmpty();
                TestDatabase target = server.createOwnedDatabase();
                try {
                    assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource())
                            .decrypt(Decryption.withPassphrase("wrong".toCharArray())).from(backup.file()))
                            .hasMessageContaining("wrong passphrase");
                    Persistor.restore(target.ownerDataSource()).decrypt(Decryption.withPassphrase(PASSPHRASE))
                            .from(backup.file());
                    Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
                } finally {
                    target.drop();
                }
            }
        } finally {
            source.drop();
        }
    }

    @Test
    void gpgDecryptsPersistorsFilesAndPersistorRestoresGpgsFiles() throws Exception {
        PostgresServer server = PostgresServers.defaultServer();
        TestDatabase source = server.createDatabase();
        Gpg gpg = new Gpg(Files.createDirectory(directory.resolve("gnupg")));
        try {
            seed(source);
            Path encrypted = Persistor.backup(source.selectOnlyDataSource())
                    .encrypt(Encryption.withPassphrase(PASSPHRASE)).to(directory.resolve("backup.sql.gpg")).file();
            Path decrypted = directory.resolve("backup.sql");
            gpg.decrypt(encrypted, new String(PASSPHRASE), decrypted);
            assertThat(Files.readString(decrypted)).startsWith("--\n-- Persistor backup").contains(MARKER);
            assertThat(Persistor.verify(decrypted).problems()).isEmpty();

            Path symmetric = directory.resolve("by-gpg.sql.gpg");
            gpg.encryptSymmetric(decrypted, "another passphrase", symmetric);
            TestDatabase target = server.createOwnedDatabase();
            try {
                Persistor.restore(target.ownerDataSource())
                        .decrypt(Decryption.withPassphrase("another passphrase".toCharArray())).from(symmetric);
                Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
            } finally {
                target.drop();
            }

            String uid = "Persistor Test <test@persistor.invalid>";
            gpg.generateKey(uid);
            Path publicKey = directory.resolve("public.asc");
            Path secretKey = directory.resolve("secret.gpg");
            gpg.export(uid, false, publicKey);
            gpg.export(uid, true, secretKey);
            Path forKey = Persistor.backup(source.selectOnlyDataSource()).encrypt(Encryption.forRecipients(publicKey))
                    .to(directory.resolve("for-key.sql.zst")).file();
            Path fromKey = directory.resolve("for-key-decrypted.sql.zst");
            gpg.decrypt(forKey, null, fromKey);
            assertThat(Persistor.verify(fromKey).problems()).isEmpty();
            assertThat(Persistor.verify(forKey, Decryption.withPassphrase(PASSPHRASE)).problems()).singleElement()
                    .asString().contains("it is encrypted for public keys");
            TestDatabase keyed = server.createOwnedDatabase();
            try {
                Persistor.restore(keyed.ownerDataSource()).decrypt(Decryption.withSecretKey(secretKey, new char[0]))
                        .from(forKey);
                Fingerprint.assertSame(source.fingerprint("public"), keyed.fingerprint("public"));
            } finally {
                keyed.drop();
            }
        } finally {
            source.drop();
        }
    }

    @Test
    void restoresAndVerificationsCloseEveryStreamTheyOpen() throws Exception {
        PostgresServer server = PostgresServers.defaultServer();
        TestDatabase source = server.createDatabase();
        try {
            seed(source);
            Decryption right = Decryption.withPassphrase(PASSPHRASE);
            Decryption wrong = Decryption.withPassphrase("wrong".toCharArray());
            for (String name : List.of("closing.sql", "closing.sql.gz", "closing.sql.zst", "closing.sql.zst.gpg")) {
                var backup = Persistor.backup(source.selectOnlyDataSource());
                if (name.endsWith(".gpg")) {
                    backup.encrypt(Encryption.withPassphrase(PASSPHRASE));
                }
                OpenCountingSource file = new OpenCountingSource(backup.to(directory.resolve(name)).file());

                assertThat(Persistor.verify(file, right).problems()).isEmpty();
                Persistor.verify(file, wrong);
                TestDatabase target = server.createOwnedDatabase();
                try {
                    Persistor.restore(target.ownerDataSource()).decrypt(right).from(file);
                    if (name.endsWith(".gpg")) {
                        assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource()).decrypt(wrong)
                                .from(file)).hasMessageContaining("wrong passphrase");
                    }
                } finally {
                    target.drop();
                }
                assertThat(file.opened).as("streams opened on " + name).isPositive();
                assertThat(file.open).as("streams left open on " + name).isZero();
            }
        } finally {
            source.drop();
        }
    }

    private static void seed(TestDatabase source) {
        source.execute("CREATE TABLE public.secret (id int PRIMARY KEY, note text)",
                "INSERT INTO public.secret SELECT g, '" + MARKER + " ' || g || repeat('x', 2000) FROM generate_series(1, 3000) g",
                "CREATE TABLE public.other (id int PRIMARY KEY, v text)",
                "INSERT INTO public.other SELECT g, md5(g::text) FROM generate_series(1, 5000) g");
    }

    /** After each table, looks at every file a backup may write (its directory, the temporary directory). */
    private ProgressListener scanning(List<String> plaintextSeen) {
        return new ProgressListener() {
            @Override
            public void tableFinished(String table, long rows, long bytes) {
                for (Path place : List.of(directory, Path.of(System.getProperty("java.io.tmpdir")))) {
                    try (Stream<Path> files = Files.list(place)) {
                        files.filter(Files::isRegularFile).filter(this::recent).forEach(file -> {
                            try {
                                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(MARKER)) {
                                    plaintextSeen.add(file.toString());
                                }
                            } catch (IOException gone) {
                                // removed meanwhile
                            }
                        });
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }

            private boolean recent(Path file) {
                String name = file.getFileName().toString();
                return name.startsWith("persistor-") || name.endsWith(".partial");
            }
        };
    }

    /** A backup file whose streams are counted as they are opened and closed. */
    private static final class OpenCountingSource implements InputSource {
        private final Path file;
        private int opened;
        private int open;

        OpenCountingSource(Path file) {
            this.file = file;
        }

        @Override
        public InputStream open() throws IOException {
            return counted(Files.newInputStream(file));
        }

        @Override
        public InputStream openTail(int length) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            int from = Math.max(0, bytes.length - length);
            return counted(new ByteArrayInputStream(bytes, from, bytes.length - from));
        }

        @Override
        public String name() {
            return file.toString();
        }

        private InputStream counted(InputStream in) {
            opened++;
            open++;
            return new FilterInputStream(in) {
                private boolean closed;

                @Override
                public void close() throws IOException {
                    if (!closed) {
                        closed = true;
                        open--;
                    }
                    super.close();
                }
            };
        }
    }
}
