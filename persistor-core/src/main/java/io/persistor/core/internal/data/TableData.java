package io.persistor.core.internal.data;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

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

/** Streams one table's rows from the server into the script, one row in memory at a time. */
public final class TableData {

    private TableData() {
    }

    /**
     * Writes the rows of {@code table} as {@code INSERT} statements. Generated columns are left out: the target
     * computes them again.
     *
     * @param connection    a connection inside the backup's snapshot transaction
     * @param table         the table
     * @param rowsPerInsert rows per statement
     * @param out           where the statements go
     * @return how many rows were written
     * @throws SQLException when reading fails
     * @throws IOException  when writing fails
     */
    public static long writeInserts(Connection connection, Table table, int rowsPerInsert, OutputStream out)
            throws SQLException, IOException {
        List<Column> columns = table.columns().stream().filter(Column::holdsData).collect(Collectors.toList());
        if (columns.isEmpty()) {
            return writeDefaultRows(connection, table, out);
        }
        InsertWriter writer = new InsertWriter(out, table.name(), columns, rowsPerInsert);
        String copy = "COPY " + qualified(table.name()) + " ("
                + columns.stream().map(c -> identifier(c.name())).collect(Collectors.joining(", ")) + ") TO STDOUT";
        CopyOut rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy);
        try {
            byte[] row;
            while ((row = rows.readFromCopy()) != null) {
                writer.row(row);
            }
        } finally {
            if (rows.isActive()) {
                rows.cancelCopy();
            }
        }
        writer.finish();
        return writer.rows();
    }

    /** A table without columns to insert into still has rows: each becomes {@code DEFAULT VALUES}. */
    private static long writeDefaultRows(Connection connection, Table table, OutputStream out)
            throws SQLException, IOException {
        CopyOut rows = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY (SELECT FROM " + qualified(table.name()) + ") TO STDOUT");
        byte[] statement = ("INSERT INTO " + qualified(table.name()) + " DEFAULT VALUES;\n")
                .getBytes(StandardCharsets.UTF_8);
        long count = 0;
        while (rows.readFromCopy() != null) {
            out.write(statement);
            count++;
        }
        return count;
    }
}
