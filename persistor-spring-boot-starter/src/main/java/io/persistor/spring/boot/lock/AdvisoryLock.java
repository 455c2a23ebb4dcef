package io.persistor.spring.boot.lock;

import io.persistor.PersistorException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named, session-level PostgreSQL advisory lock that lets one instance among many run a piece of work.
 *
 * <p>{@link #tryRun} takes a connection from the data source, calls {@code pg_try_advisory_lock} on it and, when it
 * got the lock, runs the work with a {@link LockedSession} whose data source hands out that same connection first,
 * so the backup's own session is the one holding the lock. The lock is released ({@code pg_advisory_unlock}) on that
 * session before the connection goes back to its pool. Advisory locks live in the server's shared lock table, keyed
 * by database and number: every instance connected to the same database contends for the same lock, whichever pool
 * or role it connects through. The advisory lock functions need no privilege beyond {@code CONNECT}, so a
 * SELECT-only backup role can take them.
 */
public final class AdvisoryLock {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);

    private final String name;
    private final long key;

    /**
     * @param name what instances sharing the database agree to call this lock
     */
    public AdvisoryLock(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The lock name must not be blank (persistor.lock.name)");
        }
        this.name = name;
        this.key = key(name);
    }

    /**
     * The advisory lock key of a name: the first eight bytes of the SHA-256 of its UTF-8 bytes, the same in every JVM.
     *
     * @param name the lock's name
     * @return the {@code bigint} key given to {@code pg_try_advisory_lock}
     */
    public static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    /**
     * The lock's name.
     *
     * @return the name it was made with
     */
    public String name() {
        return name;
    }

    /**
     * Runs the work if no other session of the database holds the lock, and returns at once otherwise.
     *
     * @param dataSource where the backup reads from; one connection is held for the whole work
     * @param work       what to do while holding the lock
     * @param <T>        what the work returns
     * @return what the work returned, or empty when another session holds the lock
     * @throws PersistorException when no connection can be had or the lock cannot be asked for
     */
    public <T> Optional<T> tryRun(DataSource dataSource, Function<LockedSession, T> work) {
        Objects.requireNonNull(work, "work");
        Connection connection = connect(dataSource);
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                String database = tryLock(connection);
                if (database == null) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(work.apply(new LockedSession(dataSource, connection, database)));
                } finally {
                    unlock(connection);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new PersistorException("Cannot take the advisory lock '" + name + "' (key " + key + "): "
                    + e.getMessage(), e.getSQLState(), e);
        } finally {
            close(connection);
        }
    }

    /** Asks for the lock; returns the database's name when it was granted, {@code null} when another holds it. */
    private String tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_catalog.pg_try_advisory_lock(?), pg_catalog.current_database()")) {
            statement.setLong(1, key);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1) ? row.getString(2) : null;
            }
        }
    }

    /**
     * Releases the lock. When that fails the session is broken, and its end releases the lock on the server; the
     * connection is aborted so that no pool keeps it.
     */
    private void unlock(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_catalog.pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        } catch (SQLException e) {
            LOG.warn("Cannot release the advisory lock '{}' ({}); aborting its connection, whose end releases it",
                    name, e.getMessage());
            try {
                connection.abort(Runnable::run);
            } catch (SQLException abort) {
                LOG.warn("Cannot abort the connection holding the advisory lock '{}': {}", name, abort.getMessage());
            }
        }
    }

    private Connection connect(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new PersistorException("Cannot connect to take the advisory lock '" + name + "': " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    private void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Cannot close the connection of the advisory lock '{}': {}", name, e.getMessage());
        }
    }
}
