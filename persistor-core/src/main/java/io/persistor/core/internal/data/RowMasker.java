package io.persistor.core.internal.data;

import io.persistor.PersistorException;
import io.persistor.spi.ColumnTransformer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Masks the values of some columns in rows of {@code COPY ... TO STDOUT} text, before either format writes them:
 * each masked field is decoded, given to its {@link ColumnTransformer} with the row's key, and encoded again; the
 * other fields pass through as they came.
 */
public final class RowMasker {

    private static final byte[] NULL = "\\N".getBytes(StandardCharsets.US_ASCII);

    private final String table;
    private final List<String> columns;
    private final List<String> masks;
    private final ColumnTransformer[] transformers;
    private final int[] keyColumns;

    /**
     * @param table        the table's name, for messages
     * @param columns      the names of the columns the rows hold, in order
     * @param masks        for each of them, its mask's description, or {@code null} when it is not masked
     * @param transformers for each of them, its transformer, or {@code null}
     * @param keyColumns   the positions of the primary key's columns, whose values make the row's key; empty to
     *                     use the whole row
     */
    public RowMasker(String table, List<String> columns, List<String> masks, List<ColumnTransformer> transformers,
                     int[] keyColumns) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.masks = masks;
        this.transformers = transformers.toArray(new ColumnTransformer[0]);
        this.keyColumns = keyColumns.clone();
    }

    /**
     * Masks one row.
     *
     * @param row a row as the server sent it, ending in a line feed
     * @return the row with its masked fields replaced
     * @throws PersistorException when a transformer refuses a value (naming the column, not the value)
     */
    public byte[] apply(byte[] row) {
        int end = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
        int[] starts = new int[transformers.length + 1];
        int field = 0;
        for (int i = 0; i < end && field < transformers.length; i++) {
            if (row[i] == '\t') {
                starts[++field] = i + 1;
            }
        }
        if (field != transformers.length - 1) {
            throw new IllegalStateException("A row of " + table + " has " + (field + 1) + " fields, not "
                    + transformers.length);
        }
        starts[transformers.length] = end + 1;
        String rowKey = rowKey(row, starts, end);
        ByteArrayOutputStream out = new ByteArrayOutputStream(row.length + 32);
        try {
            for (int i = 0; i < transformers.length; i++) {
                if (i > 0) {
                    out.write('\t');
                }
                int from = starts[i];
                int to = starts[i + 1] - 1;
                if (transformers[i] == null) {
                    out.write(row, from, to - from);
                    continue;
                }
                String masked = transform(i, decode(row, from, to), rowKey);
                if (masked == null) {
                    out.write(NULL);
                } else {
                    CopyTextRow.writeEscaped(out, masked.getBytes(StandardCharsets.UTF_8));
                }
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String transform(int column, String value, String rowKey) {
        try {
            return transformers[column].transform(value, rowKey);
        } catch (RuntimeException e) {
            // The message is the transformer's, which must not quote the value.
            throw new PersistorException("Cannot mask " + table + "." + columns.get(column) + " with "
                    + masks.get(column) + ": " + e.getMessage(), null, e);
        }
    }

    private String rowKey(byte[] row, int[] starts, int end) {
        if (keyColumns.length == 0) {
            return new String(row, 0, end, StandardCharsets.UTF_8);
        }
        StringBuilder key = new StringBuilder();
        for (int column : keyColumns) {
            if (key.length() > 0) {
                key.append('\t');
            }
            key.append(decode(row, starts[column], starts[column + 1] - 1));
        }
        return key.toString();
    }

    private static String decode(byte[] row, int from, int to) {
        if (to - from == 2 && row[from] == '\\' && row[from + 1] == 'N') {
            return null;
        }
        CopyTextRow field = new CopyTextRow(Arrays.copyOfRange(row, from, to));
        field.next();
        return new String(field.value(), 0, field.valueLength(), StandardCharsets.UTF_8);
    }
}
