package io.persistor.core.internal.data;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.Column;
import io.persistor.model.Identity;
import io.persistor.core.internal.script.SqlQuote;
import io.persistor.model.QualifiedName;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes one table's rows as multi-row {@code INSERT} statements with an explicit column list, each value by its
 * column's {@link ValueWriter}, or a row too large to hold as a statement of its own; identity columns that are
 * {@code GENERATED ALWAYS} get {@code OVERRIDING SYSTEM VALUE}.
 */
final class InsertWriter {

    private static final byte[] NULL = "NULL".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ROW_START = "(".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEPARATOR = ", ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ROW_SEPARATOR = "),\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATEMENT_END = ");\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte[] prefix;
    private final ValueWriter[] writers;
    private final byte[][] casts;
    private final int rowsPerInsert;
    private int rowsInStatement;
    private long rows;

    InsertWriter(OutputStream out, QualifiedName table, List<Column> columns, int rowsPerInsert,
                 ValueRenderers renderers) {
        this.out = out;
        this.rowsPerInsert = rowsPerInsert;
        boolean overriding = columns.stream().anyMatch(c -> c.identity() != null
                && c.identity().generation() == Identity.Generation.ALWAYS);
        this.prefix = ("INSERT INTO " + qualified(table) + " ("
                + columns.stream().map(c -> identifier(c.name())).collect(Collectors.joining(", ")) + ")"
                + (overriding ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES\n").getBytes(StandardCharsets.UTF_8);
        this.writers = new ValueWriter[columns.size()];
        this.casts = new byte[columns.size()][];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = renderers.forType(columns.get(i).type());
            casts[i] = ("'::" + columns.get(i).type()).getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Appends one row given in {@code COPY} text format.
     *
     * @param copyRow the row's bytes as the server sent them
     * @throws IOException when writing fails
     */
    void row(byte[] copyRow) throws IOException {
        out.write(rowsInStatement == 0 ? prefix : ROW_SEPARATOR);
        out.write(ROW_START);
        CopyTextRow fields = new CopyTextRow(copyRow);
        for (int i = 0; i < writers.length; i++) {
            if (i > 0) {
                out.write(SEPARATOR);
            }
            if (fields.next()) {
                writers[i].write(out, fields.value(), 0, fields.valueLength());
            } else {
                out.write(NULL);
            }
        }
        if (!fields.isComplete()) {
            throw new IllegalStateException("COPY row has more fields than the " + writers.length + " columns asked for");
        }
        rows++;
        if (++rowsInStatement == rowsPerInsert) {
            finish();
        }
    }

    /**
     * Writes a row too large to hold as a statement of its own, each value a literal cast to its column's type,
     * written as it is read.
     *
     * @param large the table's large rows
     * @param row   which of them
     * @throws SQLException when reading fails
     * @throws IOException  when writing fails
     */
    void largeRow(LargeRows large, String row) throws SQLException, IOException {
        finish();
        out.write(prefix);
        out.write(ROW_START);
        for (int i = 0; i < writers.length; i++) {
            if (i > 0) {
                out.write(SEPARATOR);
            }
            try (LargeRows.Value value = large.open(row, i)) {
                if (value.isNull()) {
                    out.write(NULL);
                    continue;
                }
                out.write('\'');
                for (byte[] chunk = value.next(); chunk != null; chunk = value.next()) {
                    SqlQuote.writeLiteralPart(out, chunk, 0, chunk.length);
                }
                out.write(casts[i]);
            }
        }
        out.write(STATEMENT_END);
        rows++;
    }

    /**
     * Ends the open statement, if any.
     *
     * @throws IOException when writing fails
     */
    void finish() throws IOException {
        if (rowsInStatement > 0) {
            out.write(STATEMENT_END);
            rowsInStatement = 0;
        }
    }

    long rows() {
        return rows;
    }
}
