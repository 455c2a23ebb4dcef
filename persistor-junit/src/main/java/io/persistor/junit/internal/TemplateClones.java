package io.persistor.junit.internal;

import io.persistor.PersistorException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Databases cloned from a template that holds the seed. The template is built once, under a temporary name that
 * becomes {@code persistor_tpl_<hash>} when it is complete, and then refuses connections so that it can be copied
 * at any time; a template of that name found on the server (left by an earlier run) is used as it is. Background
 * threads keep a few clones ready; another drops the clones tests are done with.
 */
public final class TemplateClones implements DatabaseSource {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateClones.class);
    private static final AtomicInteger CLONES = new AtomicInteger();

    private final ServerAddress server;
    private final Seed seed;
    private final int ready;
    private final String template;
    private final String clonePrefix;
    private final BlockingQueue<String> readyClones = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final ExecutorService cloner;
    private final ExecutorService dropper = Executors.newSingleThreadExecutor(daemon("persistor-junit-drop"));
    private boolean templateReady;
    private String strategy;
    private volatile boolean closed;

    /**
     * Prepares the clones of one seed on one server; nothing is built until the first {@link #take()}.
     *
     * @param server the server, whose role may create databases
     * @param seed   the seed
     * @param ready  how many clones to keep ready
     */
    public TemplateClones(ServerAddress server, Seed seed, int ready) {
        this.server = server;
        this.seed = seed;
        this.ready = ready;
        // Clones are made side by side, up to four at once, so that quick tests drain the pool less.
        this.cloner = Executors.newFixedThreadPool(Math.max(1, Math.min(ready, 4)), daemon("persistor-junit-clone"));
        this.template = "persistor_tpl_" + seed.hash().substring(0, 16);
        this.clonePrefix = "persistor_" + seed.hash().substring(0, 8) + "_" + ProcessHandle.current().pid() + "_";
    }

    @Override
    public ServerAddress server() {
        return server;
    }

    /** @return the template's name */
    public String template() {
        return template;
    }

    @Override
    public String take() {
        ensureTemplate();
        String clone = readyClones.poll();
        if (clone == null) {
            clone = createClone();
        }
        refill();
        return clone;
    }

    @Override
    public void giveBack(String database, boolean keep) {
        if (keep) {
            LOG.warn("Kept database {} for a failed test: {}", database, server.urlOf(database));
            return;
        }
        dropper.execute(() -> drop(database));
    }

    @Override
    public void close() {
        closed = true;
        cloner.shutdown();
        await(cloner);
        String clone;
        while ((clone = readyClones.poll()) != null) {
            String unused = clone;
            dropper.execute(() -> drop(unused));
        }
        dropper.shutdown();
        await(dropper);
    }

    private synchronized void ensureTemplate() {
        if (templateReady) {
            return;
        }
        try (Connection connection = server.connect()) {
            // From 15 on, copying the files is faster than the default WAL_LOG for the clones made side by side
            // (FixtureBenchmark), since WAL_LOG writes every page through the shared buffers and the WAL.
            strategy = majorOf(connection) >= 15 ? " STRATEGY FILE_COPY" : "";
            if (exists(connection, template)) {
                LOG.info("Using template {} of {} (built earlier)", template, seed);
            } else {
                build(connection);
            }
        } catch (SQLException e) {
            throw new PersistorException("Cannot prepare the template database " + template + " on " + server + ": "
                    + e.getMessage(), e.getSQLState(), e);
        }
        templateReady = true;
    }

    private void build(Connection connection) throws SQLException {
        long start = System.nanoTime();
        String building = template + "_b" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        execute(connection, "CREATE DATABASE " + building);
        try {
            seed.applyTo(server, building);
            execute(connection, "ALTER DATABASE " + building + " RENAME TO " + template);
        } catch (RuntimeException | SQLException e) {
            dropQuietly(connection, building);
            if (e instanceof SQLException sql && "42P04".equals(sql.getSQLState())) {
                LOG.info("Template {} was built meanwhile by another run; using it", template);
                return;
            }
            throw e;
        }
        // Copied at any time from now on, so no session may connect to it.
        execute(connection, "ALTER DATABASE " + template + " WITH ALLOW_CONNECTIONS false");
        LOG.info("Built template {} of {} in {} ms", template, seed, (System.nanoTime() - start) / 1_000_000);
    }

    private String createClone() {
        String clone = clonePrefix + CLONES.incrementAndGet();
        try (Connection connection = server.connect()) {
            execute(connection, "CREATE DATABASE " + clone + " TEMPLATE " + template + strategy);
        } catch (SQLException e) {
            throw new PersistorException("Cannot clone " + template + " into " + clone + " on " + server + ": "
                    + e.getMessage(), e.getSQLState(), e);
        }
        return clone;
    }

    private void refill() {
        while (!closed && readyClones.size() + pending.get() < ready) {
            pending.incrementAndGet();
            try {
                cloner.execute(() -> {
                    try {
                        if (!closed) {
                            readyClones.add(createClone());
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("Could not make a clone ready: {}", e.getMessage());
                    } finally {
                        pending.decrementAndGet();
                    }
                });
            } catch (RejectedExecutionException e) {
                pending.decrementAndGet();
                return;
            }
        }
    }

    private void drop(String database) {
        try (Connection connection = server.connect()) {
            dropQuietly(connection, database);
        } catch (SQLException e) {
            LOG.warn("Could not connect to {} to drop database {}: {}", server, database, e.getMessage());
        }
    }

    private static void dropQuietly(Connection connection, String database) {
        try {
            execute(connection, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            LOG.warn("Could not drop database {}: {}", database, e.getMessage());
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_database WHERE datname = ?")) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static int majorOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void await(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("Background database work did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
