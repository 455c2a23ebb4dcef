package io.persistor.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.BackupVerification;
import io.persistor.Decryption;
import io.persistor.Encryption;
import io.persistor.Format;
import io.persistor.Persistor;
import io.persistor.PersistorException;
import io.persistor.ProgressListener;
import io.persistor.Retention;
import io.persistor.s3.testkit.S3ProxyServer;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Backups streamed to an S3-compatible server (S3Proxy, a process of its own) in multipart uploads, read back from
 * it by restore and verify, and never published when the backup or the server fails half-way.
 */
class S3BackupIT {

    private static final String BUCKET = "backups";
    private static final long PART = S3OutputSink.MIN_PART_SIZE;
    private static final char[] PASSPHRASE = "s3 passphrase".toCharArray();

    @TempDir
    static Path directory;

    private static S3ProxyServer server;
    private static S3Client client;

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start(directory);
        server.createBucket(BUCKET);
        client = server.client();
    }

    @AfterAll
    static void stopServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void backupsRoundTripThroughTheBucketInParts(int major) {
        PostgresServer postgres = PostgresServers.major(major);
        TestDatabase source = postgres.createDatabase();
        try {
            seed(source, 60_000);
            S3Location plain = new S3Location(BUCKET, "pg" + major + "/plain.sql");
            S3Location sealed = new S3Location(BUCKET, "pg" + major + "/sealed.sql.zst.gpg");
            Persistor.backup(source.selectOnlyDataSource()).format(Format.COPY)
                    .to(new S3OutputSink(client, plain, PART, false));
            Persistor.backup(source.selectOnlyDataSource()).zstd().encrypt(Encryption.withPassphrase(PASSPHRASE))
                    .to(new S3OutputSink(client, sealed, PART, false));

            assertThat(size(plain)).as("bytes of the plain backup: several parts").isGreaterThan(2 * PART);
            assertThat(pendingUploads("pg" + major + "/")).isEmpty();
            BackupVerification verification = Persistor.verify(new S3InputSource(client, plain), null);
            assertThat(verification.problems()).isEmpty();
            assertThat(verification.rows()).containsEntry("public.payload", 60_000L);
            assertThat(Persistor.verify(new S3InputSource(client, sealed), Decryption.withPassphrase(PASSPHRASE))
                    .problems()).isEmpty();

            for (S3Location backup : List.of(plain, sealed)) {
                TestDatabase target = postgres.createOwnedDatabase();
                try {
                    Persistor.restore(target.ownerDataSource()).decrypt(Decryption.withPassphrase(PASSPHRASE))
                            .from(new S3InputSource(client, backup));
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
    void aBackupThatFailsHalfWayPublishesNothingAndAbortsItsUpload() {
        TestDatabase source = PostgresServers.defaultServer().createDatabase();
        try {
            seed(source, 60_000);
            source.execute("CREATE TABLE public.zzz_last (id int)");
            S3Location location = new S3Location(BUCKET, "failed/half.sql");
            ProgressListener failing = new ProgressListener() {
                @Override
                public void tableStarted(String table, long estimatedRows) {
                    if (table.contains("zzz_last")) {
                        throw new IllegalStateException("injected failure after the first table");
                    }
                }
            };

            assertThatThrownBy(() -> Persistor.backup(source.selectOnlyDataSource()).format(Format.COPY)
                    .progressListener(failing).to(new S3OutputSink(client, location, PART, false)))
                    .hasMessageContaining("injected failure");

            assertThat(exists(location)).isFalse();
            assertThat(pendingUploads("failed/")).as("multipart uploads left behind").isEmpty();
        } finally {
            source.drop();
        }
    }

    @Test
    void aServerStoppedMidUploadPublishesNothing() {
        TestDatabase source = PostgresServers.defaultServer().createDatabase();
        try {
            seed(source, 60_000);
            source.execute("CREATE TABLE public.zzz_last (id int)",
                    "INSERT INTO public.zzz_last SELECT g FROM generate_series(1, 1000000) g");
            S3Location location = new S3Location(BUCKET, "stopped/mid-upload.sql");
            ProgressListener stopping = new ProgressListener() {
                @Override
                public void tableStarted(String table, long estimatedRows) {
                    if (table.contains("zzz_last")) {
                        server.stop();
                    }
                }
            };
            try {
                assertThatThrownBy(() -> Persistor.backup(source.selectOnlyDataSource()).format(Format.COPY)
                        .progressListener(stopping).to(new S3OutputSink(client, location, PART, false)))
                        .isInstanceOf(PersistorException.class).hasMessageContaining(location.toString());
            } finally {
                server.restart();
            }

            assertThat(exists(location)).as("an object published by a backup whose server went away").isFalse();
        } finally {
            source.drop();
        }
    }

    @Test
    void anExistingObjectIsReplacedOnlyWhenAllowed() {
        TestDatabase source = PostgresServers.defaultServer().createDatabase();
        try {
            seed(source, 10);
            S3Location location = new S3Location(BUCKET, "existing/backup.sql");
            client.putObject(b -> b.bucket(BUCKET).key(location.key()), RequestBody.fromString("older"));

            assertThatThrownBy(() -> Persistor.backup(source.selectOnlyDataSource())
                    .to(new S3OutputSink(client, location))).hasMessageContaining("the object exists");
            assertThat(size(location)).isEqualTo(5);

            Persistor.backup(source.selectOnlyDataSource()).to(new S3OutputSink(client, location, PART, true));
            assertThat(Persistor.verify(new S3InputSource(client, location), null).problems()).isEmpty();
        } finally {
            source.drop();
        }
    }

    @Test
    void aChangedObjectDoesNotVerify() {
        TestDatabase source = PostgresServers.defaultServer().createDatabase();
        try {
            seed(source, 100);
            S3Location location = new S3Location(BUCKET, "changed/backup.sql");
            Persistor.backup(source.selectOnlyDataSource()).to(new S3OutputSink(client, location));
            byte[] bytes = client.getObjectAsBytes(b -> b.bucket(BUCKET).key(location.key())).asByteArray();
            String changed = new String(bytes, StandardCharsets.UTF_8).replaceFirst("'payload-7'", "'payload-8'");
            client.putObject(b -> b.bucket(BUCKET).key(location.key()), RequestBody.fromString(changed));

            assertThat(Persistor.verify(new S3InputSource(client, location), null).problems()).singleElement()
                    .asString().contains("changed or corrupted");
        } finally {
            source.drop();
        }
    }

    @Test
    void retentionPrunesOnlyTheDatabasesOlderBackupsUnderThePrefix() {
        LocalDateTime now = LocalDateTime.of(2026, 12, 5, 12, 0);
        for (String key : List.of("daily/shop-20261205-120000.sql", "daily/shop-20261204-120000.sql.gz",
                "daily/shop-20261101-000000.sql", "daily/shopping-20261101-000000.sql", "daily/notes.txt",
                "daily/old/shop-20261101-000000.sql", "other/shop-20261101-000000.sql")) {
            client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("backup"));
        }
        S3Location fresh = new S3Location(BUCKET, "daily/shop-20261205-120000.sql");
        BackupVerification intact = new BackupVerification(null, Map.of(), List.of());

        List<S3Location> deleted = S3Retention.prune(client, fresh, intact, Retention.keep(2), "shop", now);

        assertThat(deleted).containsExactly(new S3Location(BUCKET, "daily/shop-20261101-000000.sql"));
        assertThat(keys()).contains("daily/shop-20261205-120000.sql", "daily/shop-20261204-120000.sql.gz",
                "daily/shopping-20261101-000000.sql", "daily/notes.txt", "daily/old/shop-20261101-000000.sql",
                "other/shop-20261101-000000.sql").doesNotContain("daily/shop-20261101-000000.sql");
        assertThatThrownBy(() -> S3Retention.prune(client, fresh,
                new BackupVerification(null, Map.of(), List.of("It was cut short.")), Retention.keep(1),
                "shop", now)).hasMessageContaining("Nothing pruned");
        assertThat(keys()).contains("daily/shop-20261204-120000.sql.gz");
    }

    /** A table of incompressible text, so that the file spans several parts. */
    private static void seed(TestDatabase source, int rows) {
        source.execute("CREATE TABLE public.payload (id int PRIMARY KEY, label text, noise text)",
                "INSERT INTO public.payload SELECT g, 'payload-' || g, "
                        + "(SELECT string_agg(md5(g::text || i::text), '') FROM generate_series(1, 8) i) "
                        + "FROM generate_series(1, " + rows + ") g");
    }

    private static long size(S3Location location) {
        return client.headObject(b -> b.bucket(location.bucket()).key(location.key())).contentLength();
    }

    private static boolean exists(S3Location location) {
        try {
            client.headObject(b -> b.bucket(location.bucket()).key(location.key()));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** The multipart uploads started under a prefix and neither completed nor aborted. */
    private static List<String> pendingUploads(String prefix) {
        return client.listMultipartUploads(b -> b.bucket(BUCKET).prefix(prefix)).uploads().stream()
                .map(upload -> upload.key()).toList();
    }

    private static List<String> keys() {
        return client.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
    }
}
