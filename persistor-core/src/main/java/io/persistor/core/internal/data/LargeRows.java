package io.persistor.core.internal.data;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.Column;
import io.persistor.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows too large to hold in memory at once. The server sends each row of a {@code COPY} as one message, which the
 * driver reads whole, so a row of a 100 MB value would need that much heap and more. Rows whose values add up to
 * more than {@link #LIMIT} bytes of text are therefore left out of the {@code COPY} and read afterwards a value at a
 * time, each value's text output a {@link #CHUNK} at a time.
 *
 * <p>Sizes come from the row without detoasting it: {@code octet_length} is the exact size of {@code text},
 * {@code varchar}, {@code char} and {@code bytea} values (whose hex output counts twice), {@code pg_column_size}
 * the stored, possibly compressed, size of values of other types. Only tables whose TOAST table holds data are
 * measured: a value kept in the row itself is too small to matter.
 */
final class LargeRows {

    /** Rows with more bytes of text than this are read a value at a time. */
    static final long LIMIT = 8L << 20;

    /** Bytes of a value's text output read at a time. */
    static final int CHUNK = 1 << 20;

    private final Connection connection;
    private final String table;
    private final List<Column> columns;

    /**
     * @param connection a connection inside the backup's snapshot
     * @param table      the table
     * @param columns    the columns whose values are backed up, in order
     */
    LargeRows(Connection connection, Table table, List<Column> columns) {
        this.connection = connection;
        this.table = qualified(table.name());
        this.columns = columns;
    }

    /** How many values each row has. */
    int columns() {
        return columns.size();
    }

    /** A condition true for the rows of these columns that are too large to read whole. */
    static String condition(List<Column> columns) {
        return "(" + columns.stream().map(LargeRows::size).collect(Collectors.joining(" + ")) + ") > " + LIMIT;
    }

    private static String size(Column column) {
        String type = column.type();
        String name = identifier(column.name());
        if (type.equals("bytea")) {
            return "2 * COALESCE(pg_catalog.octet_length(" + name + "), 0)::bigint";
        }
        if (type.equals("text") || type.startsWith("character")) {
            return "COALESCE(pg_catalog.octet_length(" + name + "), 0)::bigint";
        }
        return "COALESCE(pg_catalog.pg_column_size(" + name + "), 0)::bigint";
    }

    /**
     * Finds the large rows of the whole table, or of those a filter picks.
     *
     * @param filter a condition on the rows, or {@code null}
     * @return their row identifiers ({@code ctid}), in physical order
     */
    List<String> find(String filter) throws SQLException {
        List<String> rows = new ArrayList<>();
        String sql = "SELECT ctid FROM ONLY " + table + " WHERE " + condition(columns)
                + (filter == null ? "" : " AND " + filter) + " ORDER BY ctid";
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet found = statement.executeQuery()) {
            while (found.next()) {
                rows.add(found.getString(1));
            }
        }
        return rows;
    }

    /**
     * Opens one value of a large row.
     *
     * @param row    the row's {@code ctid}
     * @param column the column's index
     * @return the value's text output, read a chunk at a time
     */
    Value open(String row, int column) throws SQLException {
        String name = identifier(columns.get(column).name());
        PreparedStatement statement = connection.prepareStatement(
                "WITH v AS MATERIALIZED (SELECT CASE WHEN " + name + " IS NOT NULL THEN pg_catalog.convert_to("
                        + "pg_catalog.format('%s', " + name + "), 'UTF8') END AS b FROM ONLY " + table
                        + " WHERE ctid = ?::pg_catalog.tid) "
                        + "SELECT pg_catalog.substring(b, i, " + CHUNK + ") FROM v, "
                        + "pg_catalog.generate_series(1, GREATEST(pg_catalog.octet_length(b), 1), " + CHUNK + ") AS i");
        try {
            statement.setString(1, row);
            statement.setFetchSize(1);
            return new Value(statement, statement.executeQuery(), table + " row " + row);
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** One value's text output in UTF-8, a chunk at a time; {@code NULL} has no chunks. */
    static final class Value implements AutoCloseable {

        private final PreparedStatement statement;
        private final ResultSet chunks;
        private final boolean isNull;
        private byte[] next;

        private Value(PreparedStatement statement, ResultSet chunks, String where) throws SQLException {
            this.statement = statement;
            this.chunks = chunks;
            if (!chunks.next()) {
                throw new SQLException("The row " + where + " is gone from the backup's snapshot");
            }
            this.next = chunks.getBytes(1);
            this.isNull = next == null;
        }

        boolean isNull() {
            return isNull;
        }

        /** The next chunk, or {@code null} after the last. */
        byte[] next() throws SQLException {
            byte[] chunk = next;
            next = chunk != null && chunks.next() ? chunks.getBytes(1) : null;
            return chunk;
        }

        @Override
        public void close() throws SQLException {
            try (statement) {
                chunks.close();
            }
        }
    }
}
