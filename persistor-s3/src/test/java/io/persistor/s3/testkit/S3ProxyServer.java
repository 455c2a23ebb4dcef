package io.persistor.s3.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server for the tests: S3Proxy's runnable jar from Maven Central (copied by the build to the path
 * in {@code persistor.test.s3proxy}), started as a process of its own, checking AWS signatures, and keeping its
 * objects in a directory, so that it can be stopped and started again with them. No Docker.
 */
public final class S3ProxyServer implements AutoCloseable {

    /** The access key the server accepts. */
    public static final String ACCESS_KEY = "persistor-test";

    /** The secret key the server accepts. */
    public static final String SECRET_KEY = "persistor-test-secret";

    private final Path jar;
    private final Path directory;
    private final int port;
    private Process process;

    private S3ProxyServer(Path jar, Path directory, int port) {
        this.jar = jar;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Starts a server keeping its objects under a directory.
     *
     * @param directory an empty directory of the test's
     * @return the running server
     */
    public static S3ProxyServer start(Path directory) {
        String configured = System.getProperty("persistor.test.s3proxy");
        if (configured == null || !Files.isRegularFile(Path.of(configured))) {
            throw new IllegalStateException("S3Proxy's jar is missing (system property persistor.test.s3proxy = "
                    + configured + "); run the tests through Maven, which copies it from Maven Central");
        }
        S3ProxyServer server = new S3ProxyServer(Path.of(configured), directory, freePort());
        server.startProcess();
        return server;
    }

    /** Starts the server again after {@link #stop()}, on the same port with the same objects. */
    public void restart() {
        startProcess();
    }

    /** Kills the server, as a crash or a lost network would end it. */
    public void stop() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the server's address */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** @return a client for this server, with its keys, path-style addressing and region us-east-1 */
    public S3Client client() {
        return S3Client.builder().endpointOverride(endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    /**
     * Creates a bucket.
     *
     * @param name the bucket's name
     */
    public void createBucket(String name) {
        try (S3Client client = client()) {
            client.createBucket(b -> b.bucket(name));
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    private void startProcess() {
        try {
            Path store = Files.createDirectories(directory.resolve("store"));
            Path properties = directory.resolve("s3proxy.properties");
            Files.write(properties, List.of(
                    "s3proxy.endpoint=" + endpoint(),
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + store));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            process = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar.toString(), "--properties",
                    properties.toString()).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("s3proxy.log").toFile()).start();
            awaitPort(Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start S3Proxy", e);
        }
    }

    private void awaitPort(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + ": "
                        + Files.readString(directory.resolve("s3proxy.log")));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while S3Proxy started", e);
                }
            }
        }
        throw new IllegalStateException("S3Proxy did not listen on port " + port + " within " + timeout + ": "
                + Files.readString(directory.resolve("s3proxy.log")));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port for S3Proxy", e);
        }
    }
}
