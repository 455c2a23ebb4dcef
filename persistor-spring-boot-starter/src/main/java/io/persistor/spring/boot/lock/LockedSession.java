package io.persistor.spring.boot.lock;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The session that holds an {@link AdvisoryLock}, while the work runs.
 *
 * <p>{@link #dataSource()} gives the backup that session as its first connection (a backup reads its catalog and,
 * unless it runs in parallel, every table on its first connection); closing it there leaves it open, for the lock is
 * released on it afterwards. Further connections come from the underlying data source, as usual.
 */
public final class LockedSession {

    private final DataSource dataSource;
    private final String database;

    LockedSession(DataSource underlying, Connection held, String database) {
        this.dataSource = new FirstConnectionDataSource(underlying, held);
        this.database = database;
    }

    /**
     * The data source the backup reads from.
     *
     * @return a data source whose first connection is the locked session
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The database the lock was taken in.
     *
     * @return its name, as {@code current_database()} gives it
     */
    public String database() {
        return database;
    }

    /** Hands out the held connection once, with a {@code close()} that leaves it open; then delegates. */
    private static final class FirstConnectionDataSource implements DataSource {

        private final DataSource underlying;
        private final AtomicReference<Connection> held;

        FirstConnectionDataSource(DataSource underlying, Connection held) {
            this.underlying = underlying;
            this.held = new AtomicReference<>(held);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection first = held.getAndSet(null);
            return first == null ? underlying.getConnection() : unclosable(first);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return underlying.getConnection(username, password);
        }

        private static Connection unclosable(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                        if (method.getName().equals("close") && method.getParameterCount() == 0) {
                            return null;
                        }
                        try {
                            return method.invoke(connection, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return underlying.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            underlying.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            underlying.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return underlying.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return underlying.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return underlying.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return underlying.isWrapperFor(type);
        }
    }
}
