package io.persistor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.s3.testkit.S3ProxyServer;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code backup -o s3://...}, {@code verify s3://...} (with {@code --restore-check}) and {@code restore -f s3://...}
 * against an S3-compatible server, with the credentials found by the SDK's usual chain (system properties here).
 */
@ExtendWith(FreshDatabase.class)
class S3CommandsIT {

    private static final String BUCKET = "nightly";

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private S3ProxyServer server;

    @BeforeEach
    void startServer() {
        server = S3ProxyServer.start(directory);
        server.createBucket(BUCKET);
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
    }

    @AfterEach
    void stopServer() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        server.close();
    }

    @Test
    void backsUpToAPrefixVerifiesPrunesAndRestoresFromTheBucket(TestDatabase source) {
        source.execute("CREATE TABLE public.item (id int PRIMARY KEY, name text)",
                "INSERT INTO public.item SELECT g, 'item ' || g FROM generate_series(1, 500) g");
        source.selectOnlyDataSource();
        PostgresServer postgres = source.server();
        String older = "shop/" + source.name() + "-20260101-000000.sql.zst";
        String unrelated = "shop/other-20260101-000000.sql";
        try (S3Client client = server.client()) {
            for (String key : List.of(older, unrelated)) {
                client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("an older backup"));
            }
        }
        String[] s3 = {"--s3-endpoint", server.endpoint().toString(), "--s3-path-style"};

        int code = run(concat(new String[] {"backup", "-d", source.name(), "-u", PostgresServer.READER_ROLE, "-h",
                postgres.host(), "-p", String.valueOf(postgres.port()), "-P", PostgresServer.ROLE_PASSWORD,
                "--zstd", "-o", "s3://" + BUCKET + "/shop", "--keep", "1"}, s3));

        assertThat(code).as(err.toString()).isZero();
        Matcher written = Pattern.compile("s3://" + BUCKET + "/shop/" + Pattern.quote(source.name())
                + "-\\d{8}-\\d{6}\\.sql\\.zst").matcher(out.toString());
        assertThat(written.find()).as(out.toString()).isTrue();
        String location = written.group();
        assertThat(err.toString()).contains("Pruned: s3://" + BUCKET + "/" + older);
        assertThat(keys()).containsExactlyInAnyOrder(location.substring(("s3://" + BUCKET + "/").length()), unrelated);

        TestDatabase scratch = postgres.createOwnedDatabase();
        TestDatabase restored = postgres.createOwnedDatabase();
        try {
            assertThat(run(concat(new String[] {"verify", location, "--restore-check", "-d", scratch.name(), "-u",
                    PostgresServer.OWNER_ROLE, "-h", postgres.host(), "-p", String.valueOf(postgres.port()), "-P",
                    PostgresServer.ROLE_PASSWORD}, s3))).as(err.toString()).isZero();
            assertThat(out.toString()).contains("intact, 1 tables, 500 rows, restored into " + scratch.name());

            assertThat(run(concat(new String[] {"restore", "-f", location, "-d", restored.name(), "-u",
                    PostgresServer.OWNER_ROLE, "-h", postgres.host(), "-p", String.valueOf(postgres.port()), "-P",
                    PostgresServer.ROLE_PASSWORD}, s3))).as(err.toString()).isZero();
            Fingerprint.assertSame(source.fingerprint("public"), restored.fingerprint("public"));
        } finally {
            scratch.drop();
            restored.drop();
        }
    }

    @Test
    void aMissingObjectIsNamed(TestDatabase target) {
        int code = run("verify", "s3://" + BUCKET + "/nothing/here.sql", "--s3-endpoint", server.endpoint().toString(),
                "--s3-path-style");

        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("s3://" + BUCKET + "/nothing/here.sql").contains("no such object");
    }

    private List<String> keys() {
        try (S3Client client = server.client()) {
            return client.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
        }
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private int run(String... args) {
        return PersistorCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
