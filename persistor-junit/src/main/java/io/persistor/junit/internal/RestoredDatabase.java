package io.persistor.junit.internal;

import io.persistor.Format;
import io.persistor.Persistor;
import io.persistor.PersistorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fallback for a role that may not create databases (managed servers): the tests share the database the URL
 * names, one at a time. The first use empties it of everything the role owns ({@code DROP OWNED BY CURRENT_USER}),
 * fills it with the seed and takes a Persistor backup of it; before each test that backup is restored with
 * {@code cleanFirst()}. Slower than clones, and the tests of one JVM take turns.
 */
public final class RestoredDatabase implements DatabaseSource {

    private static final Logger LOG = LoggerFactory.getLogger(RestoredDatabase.class);

    private final ServerAddress server;
    private final Seed seed;
    private final String database;
    private final Semaphore turn = new Semaphore(1, true);
    private Path snapshot;

    /**
     * Prepares the fallback; nothing runs until the first {@link #take()}.
     *
     * @param server   the server; its URL names the database the tests share
     * @param seed     the seed
     * @param database that database's name
     */
    public RestoredDatabase(ServerAddress server, Seed seed, String database) {
        this.server = server;
        this.seed = seed;
        this.database = database;
    }

    @Override
    public ServerAddress server() {
        return server;
    }

    @Override
    public String take() {
        turn.acquireUninterruptibly();
        try {
            if (snapshot == null) {
                snapshot = seedOnce();
            } else {
                Persistor.restore(Seed.dataSource(server, database, false)).cleanFirst().from(snapshot);
            }
            return database;
        } catch (RuntimeException e) {
            turn.release();
            throw e;
        }
    }

    @Override
    public void giveBack(String name, boolean keep) {
        if (keep) {
            LOG.warn("A test failed on database {} ({}); the next test replaces its contents", name,
                    server.urlOf(name));
        }
        turn.release();
    }

    @Override
    public void close() {
        if (snapshot != null) {
            try {
                Files.deleteIfExists(snapshot);
            } catch (IOException e) {
                LOG.warn("Could not delete {}: {}", snapshot, e.getMessage());
            }
        }
    }

    private Path seedOnce() {
        long start = System.nanoTime();
        try (Connection connection = Seed.dataSource(server, database, false).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP OWNED BY CURRENT_USER");
        } catch (SQLException e) {
            throw new PersistorException("Cannot empty database " + database + " for the seed: " + e.getMessage(),
                    e.getSQLState(), e);
        }
        seed.applyTo(server, database);
        try {
            Path file = Files.createTempFile("persistor-junit-" + seed.hash().substring(0, 16), ".sql");
            Persistor.backup(Seed.dataSource(server, database, false)).allSchemas().format(Format.COPY)
                    .overwrite().to(file);
            LOG.info("{} may not create databases: seeded {} with {} and will restore it before each test ({} ms)",
                    server.user(), database, seed, (System.nanoTime() - start) / 1_000_000);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file for the seed's backup", e);
        }
    }
}
