package io.persistor.core.internal.backup;

import io.persistor.core.internal.script.SqlQuote;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * One connection in a {@code REPEATABLE READ, READ ONLY} transaction, so every catalog query and every table
 * read sees the same snapshot; parallel readers import the first session's snapshot. Settings are made with
 * {@code SET LOCAL}, so a pooled connection goes back to its pool unchanged: the transaction is rolled back and
 * auto-commit restored on close.
 */
final class SnapshotSession implements ParallelReads.Reader, AutoCloseable {

    private static final String[] SETTINGS = {
        // An empty search path makes the server qualify every name it renders (types, defaults, definitions).
        "SET LOCAL search_path = ''",
        "SET LOCAL datestyle = 'ISO, YMD'",
        "SET LOCAL intervalstyle = 'postgres'",
        "SET LOCAL extra_float_digits = 3",
        // Definitions then render strings with backslashes as standard literals, never E'...'.
        "SET LOCAL standard_conforming_strings = on",
        // Full-table scans start at the first block, so rows come in the same order every time.
        "SET LOCAL synchronize_seqscans = off",
        // The catalog queries of a database of many objects sort tens of thousands of rows: in memory, not on disk.
        "SET LOCAL work_mem = '64MB'",
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
     * Starts the backup's snapshot.
     *
     * @param rowSecurity whether row-level security may filter what the role reads; without it the server
     *                    refuses, rather than filters, any query that a policy would limit
     */
    static SnapshotSession open(DataSource dataSource, boolean rowSecurity) throws SQLException {
        return open(dataSource, rowSecurity, null);
    }

    /** Joins the snapshot another session exported with {@link #exportSnapshot()}. */
    static SnapshotSession join(DataSource dataSource, boolean rowSecurity, String snapshot) throws SQLException {
        return open(dataSource, rowSecurity, snapshot);
    }

    private static SnapshotSession open(DataSource dataSource, boolean rowSecurity, String snapshot)
            throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            SnapshotSession session = new SnapshotSession(connection);
            // One round trip that opens the transaction and turns the server's timeouts off: the role's
            // idle_in_transaction_session_timeout cannot strike between the statements.
            StringBuilder start = new StringBuilder("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;");
            if (snapshot != null) {
                start.append("SET TRANSACTION SNAPSHOT ").append(SqlQuote.literal(snapshot)).append(';');
            }
            for (String setting : SETTINGS) {
                start.append(setting).append(';');
            }
            start.append(rowSecurity ? "SET LOCAL row_security = on" : "SET LOCAL row_security = off");
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute(start.toString());
            }
            connection.setAutoCommit(false);
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

    /** Exports this session's snapshot for other sessions to {@linkplain #join join}. */
    String exportSnapshot() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_catalog.pg_export_snapshot()")) {
            row.next();
            return row.getString(1);
        }
    }

    /** Asks the server to cancel whatever this session runs right now, from any thread. */
    @Override
    public void cancel() throws SQLException {
        connection.unwrap(PGConnection.class).cancelQuery();
    }

    @Override
    public Connection connection() {
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
