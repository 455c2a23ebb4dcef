package io.persistor.core.internal.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One connection in a {@code REPEATABLE READ, READ ONLY} transaction, so every catalog query and every table
 * read sees the same snapshot. Settings are made with {@code SET LOCAL}, so a pooled connection goes back to
 * its pool unchanged: the transaction is rolled back and auto-commit restored on close.
 */
final class SnapshotSession implements AutoCloseable {

    private static final String[] SETTINGS = {
        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY",
        // An empty search path makes the server qualify every name it renders (types, defaults, definitions).
        "SET LOCAL search_path = ''",
        "SET LOCAL datestyle = 'ISO, YMD'",
        "SET LOCAL intervalstyle = 'postgres'",
        "SET LOCAL extra_float_digits = 3",
        "SET LOCAL statement_timeout = 0",
        "SET LOCAL idle_in_transaction_session_timeout = 0",
    };

    private final Connection connection;
    private final boolean autoCommit;

    private SnapshotSession(Connection connection) throws SQLException {
        this.connection = connection;
        this.autoCommit = connection.getAutoCommit();
    }

    /**
     * @param rowSecurity whether row-level security may filter what the role reads; without it the server
     *                    refuses, rather than filters, any query that a policy would limit
     */
    static SnapshotSession open(DataSource dataSource, boolean rowSecurity) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            SnapshotSession session = new SnapshotSession(connection);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String setting : SETTINGS) {
                    statement.execute(setting);
                }
                statement.execute(rowSecurity ? "SET LOCAL row_security = on" : "SET LOCAL row_security = off");
            }
            return session;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        } finally {
            connection.close();
        }
    }
}
