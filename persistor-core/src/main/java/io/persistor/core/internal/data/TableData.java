package io.persistor.core.internal.data;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.Format;
import io.persistor.model.Column;
import io.persistor.model.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Streams one table's rows from the server into the script, one row in memory at a time. Rows are read with
 * {@code COPY ... TO STDOUT}, which needs only {@code SELECT}; the {@code COPY} format passes them through
 * unchanged, the {@code INSERT} format rewrites them as statements. Generated columns are left out: the target
 * computes them again.
 */
public final class TableData {

    private static final byte[] END_OF_COPY = "\\.\n".getBytes(StandardCharsets.US_ASCII);

    private final Format format;
    private final int rowsPerInsert;
    private final ValueRenderers renderers;

    /**
     * @param format        how rows are written
     * @param rowsPerInsert rows per statement in the {@code INSERT} format
     * @param renderers     how values are written in the {@code INSERT} format
     */
    public TableData(Format format, int rowsPerInsert, ValueRenderers renderers) {
        this.format = format;
        this.rowsPerInsert = rowsPerInsert;
        this.renderers = renderers;
    }

    /**
     * Writes the rows of one table.
     *
     * @param connection a connection inside the backup's snapshot
     * @param table      the table, not a partitioned one
     * @param out        where the rows go
     * @return how many rows were written
     * @throws SQLException when reading fails
     * @throws IOException  when writing fails
     */
    public long write(Connection connection, Table table, OutputStream out) throws SQLException, IOException {
        List<Column> columns = table.columns().stream().filter(Column::holdsData).collect(Collectors.toList());
        String columnList = columns.stream().map(c -> identifier(c.name())).collect(Collectors.joining(", "));
        String source = columns.isEmpty() ? "(SELECT FROM " + qualified(table.name()) + ")"
                : qualified(table.name()) + " (" + columnList + ")";
        CopyOut rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + source + " TO STDOUT");
        try {
            return format == Format.COPY ? copy(rows, table, columnList, out) : inserts(rows, table, columns, out);
        } finally {
            if (rows.isActive()) {
                rows.cancelCopy();
            }
        }
    }

    private static long copy(CopyOut rows, Table table, String columnList, OutputStream out)
            throws SQLException, IOException {
        out.write(("COPY " + qualified(table.name()) + (columnList.isEmpty() ? "" : " (" + columnList + ")")
                + " FROM stdin;\n").getBytes(StandardCharsets.UTF_8));
        long count = 0;
        byte[] row;
        while ((row = rows.readFromCopy()) != null) {
            out.write(row);
            count++;
        }
        out.write(END_OF_COPY);
        return count;
    }

    private long inserts(CopyOut rows, Table table, List<Column> columns, OutputStream out)
            throws SQLException, IOException {
        if (columns.isEmpty()) {
            byte[] statement = ("INSERT INTO " + qualified(table.name()) + " DEFAULT VALUES;\n")
                    .getBytes(StandardCharsets.UTF_8);
            long count = 0;
            while (rows.readFromCopy() != null) {
                out.write(statement);
                count++;
            }
            return count;
        }
        InsertWriter writer = new InsertWriter(out, table.name(), columns, rowsPerInsert, renderers);
        byte[] row;
        while ((row = rows.readFromCopy()) != null) {
            writer.row(row);
        }
        writer.finish();
        return writer.rows();
    }
}
