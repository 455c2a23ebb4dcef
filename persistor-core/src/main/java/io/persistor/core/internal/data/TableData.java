package io.persistor.core.internal.data;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.Format;
import io.persistor.model.Column;
import io.persistor.model.Table;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Streams a table's rows from the server into the script, one row in memory at a time. Rows are read with
 * {@code COPY ... TO STDOUT}, which needs only {@code SELECT}, whole or one {@link Slice} of pages at a time; the
 * {@code COPY} format passes them through unchanged between {@link #begin} and {@link #end}, the {@code INSERT}
 * format rewrites them as statements; masked columns are masked first ({@link RowMasker}). Generated columns are
 * left out: the target computes them again. Rows too large to hold are read a value at a time ({@link LargeRows}).
 */
public final class TableData {

    private static final byte[] NULL = "\\N".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_COPY = "\\.\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * Part of a table by physical position: pages {@code [fromPage, toPage)}, read with a TID range scan.
     *
     * @param fromPage the first page
     * @param toPage   the page after the last, or -1 for the rest of the table
     */
    public record Slice(long fromPage, long toPage) {

        /** The whole table. */
        public static final Slice WHOLE = new Slice(0, -1);

        String condition() {
            String from = fromPage > 0 ? "ctid >= '(" + fromPage + ",0)'::pg_catalog.tid" : null;
            String to = toPage >= 0 ? "ctid < '(" + toPage + ",0)'::pg_catalog.tid" : null;
            return from == null ? to : to == null ? from : from + " AND " + to;
        }
    }

    private final Format format;
    private final int rowsPerInsert;
    private final ValueRenderers renderers;
    private final Function<Table, String> filters;
    private final Function<Table, RowMasker> maskers;

    /**
     * Writes every row of the tables.
     *
     * @param format        how rows are written
     * @param rowsPerInsert rows per statement in the {@code INSERT} format
     * @param renderers     how values are written in the {@code INSERT} format
     */
    public TableData(Format format, int rowsPerInsert, ValueRenderers renderers) {
        this(format, rowsPerInsert, renderers, table -> null, table -> null);
    }

    /**
     * Writes the rows of each table that a condition picks, with some columns masked.
     *
     * @param format        how rows are written
     * @param rowsPerInsert rows per statement in the {@code INSERT} format
     * @param renderers     how values are written in the {@code INSERT} format
     * @param filters       each table's condition on its rows, or {@code null} for all of them
     * @param maskers       what masks each table's rows, or {@code null} when none of its columns is masked
     */
    public TableData(Format format, int rowsPerInsert, ValueRenderers renderers, Function<Table, String> filters,
                     Function<Table, RowMasker> maskers) {
        this.format = format;
        this.rowsPerInsert = rowsPerInsert;
        this.renderers = renderers;
        this.filters = filters;
        this.maskers = maskers;
    }

    /**
     * Whether a table's rows are filtered, so reading it in slices would repeat the filter's work.
     *
     * @param table the table
     * @return whether a condition picks its rows
     */
    public boolean filtered(Table table) {
        return filters.apply(table) != null;
    }

    /**
     * Writes what comes before a table's rows: the {@code COPY ... FROM stdin} line in the {@code COPY} format.
     *
     * @param table the table
     * @param out   the script
     * @throws IOException when writing fails
     */
    public void begin(Table table, OutputStream out) throws IOException {
        if (format == Format.COPY) {
            String columns = columnList(table);
            out.write(("COPY " + qualified(table.name()) + (columns.isEmpty() ? "" : " (" + columns + ")")
                    + " FROM stdin;\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Writes what comes after a table's rows: the {@code \.} line in the {@code COPY} format.
     *
     * @param out the script
     * @throws IOException when writing fails
     */
    public void end(OutputStream out) throws IOException {
        if (format == Format.COPY) {
            out.write(END_OF_COPY);
        }
    }

    /**
     * Writes the rows of a table, or of a slice of it. When the table keeps values out of line, rows too large to
     * hold in memory are left out of the {@code COPY} and written after the others, a value at a time: after the
     * table's last slice, those of the whole table, so the rows come in the same order however the table is sliced.
     *
     * @param connection a connection inside the backup's snapshot
     * @param table      the table, not a partitioned one
     * @param slice      which of its pages, or {@link Slice#WHOLE}
     * @param outOfLine  whether the table's TOAST table holds data; only then can a row be too large
     * @param out        where the rows go
     * @return how many rows were written
     * @throws SQLException when reading fails
     * @throws IOException  when writing fails
     */
    public long rows(Connection connection, Table table, Slice slice, boolean outOfLine, OutputStream out)
            throws SQLException, IOException {
        List<Column> columns = table.columns().stream().filter(Column::holdsData).collect(Collectors.toList());
        RowMasker masker = maskers.apply(table);
        // A masked row is masked whole, so it is read whole however large.
        boolean measured = outOfLine && !columns.isEmpty() && masker == null;
        String columnList = columnList(table);
        List<String> conditions = new ArrayList<>();
        if (!slice.equals(Slice.WHOLE)) {
            conditions.add(slice.condition());
        }
        if (measured) {
            conditions.add("NOT " + LargeRows.condition(columns));
        }
        String filter = filters.apply(table);
        if (filter != null) {
            conditions.add(filter);
        }
        String source;
        if (conditions.isEmpty() && !columns.isEmpty()) {
            source = qualified(table.name()) + " (" + columnList + ")";
        } else {
            source = "(SELECT " + columnList + " FROM ONLY " + qualified(table.name())
                    + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + ")";
        }
        CopyOut rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + source + " TO STDOUT");
        long count;
        try {
            count = format == Format.COPY ? copy(rows, masker, out) : inserts(rows, table, columns, masker, out);
        } finally {
            if (rows.isActive()) {
                rows.cancelCopy();
            }
        }
        if (measured && slice.toPage() < 0) {
            LargeRows large = new LargeRows(connection, table, columns);
            List<String> found = large.find(filter);
            InsertWriter statements = format == Format.COPY ? null
                    : new InsertWriter(out, table.name(), columns, rowsPerInsert, renderers);
            for (String row : found) {
                if (statements == null) {
                    copyRow(large, row, out);
                } else {
                    statements.largeRow(large, row);
                }
            }
            count += found.size();
        }
        return count;
    }

    private static String columnList(Table table) {
        return table.columns().stream().filter(Column::holdsData).map(c -> identifier(c.name()))
                .collect(Collectors.joining(", "));
    }

    private static long copy(CopyOut rows, RowMasker masker, OutputStream out) throws SQLException, IOException {
        long count = 0;
        byte[] row;
        while ((row = rows.readFromCopy()) != null) {
            out.write(masker == null ? row : masker.apply(row));
            count++;
            stopIfInterrupted(count);
        }
        return count;
    }

    private static void copyRow(LargeRows large, String row, OutputStream out) throws SQLException, IOException {
        for (int column = 0; column < large.columns(); column++) {
            if (column > 0) {
                out.write('\t');
            }
            try (LargeRows.Value value = large.open(row, column)) {
                if (value.isNull()) {
                    out.write(NULL);
                }
                for (byte[] chunk = value.next(); chunk != null; chunk = value.next()) {
                    CopyTextRow.writeEscaped(out, chunk);
                }
            }
        }
        out.write('\n');
    }

    /** A thread that is interrupted stops reading within a thousand rows; the backup then fails. */
    private static void stopIfInterrupted(long rows) throws InterruptedIOException {
        if (rows % 1024 == 0 && Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("The backup's thread was interrupted");
        }
    }

    private long inserts(CopyOut rows, Table table, List<Column> columns, RowMasker masker, OutputStream out)
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
            writer.row(masker == null ? row : masker.apply(row));
            stopIfInterrupted(writer.rows());
        }
        writer.finish();
        return writer.rows();
    }
}
