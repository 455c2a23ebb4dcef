package io.persistor.core.internal.script;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Writes the backup script: comments, statements each ending with {@code ;} at the end of a line, and the raw
 * bytes of the data section. Counts what it writes.
 */
public final class ScriptWriter {

    private final CountingOutputStream out;
    private final MessageDigest digest;

    /**
     * Wraps a stream, which the caller keeps and closes.
     *
     * @param out where the script goes; should be buffered
     */
    public ScriptWriter(OutputStream out) {
        this(out, null);
    }

    private ScriptWriter(OutputStream out, MessageDigest digest) {
        this.out = new CountingOutputStream(out, digest);
        this.digest = digest;
    }

    /**
     * A writer that digests what it writes, for the {@link #manifest} that ends a whole script.
     *
     * @param out where the script goes; should be buffered
     * @return the writer
     */
    public static ScriptWriter digesting(OutputStream out) {
        try {
            return new ScriptWriter(out, MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM lacks SHA-256", e);
        }
    }

    /**
     * Writes the manifest: the tables and rows, each table's row count, then the SHA-256 of every byte written
     * before that last line.
     *
     * @param rows each table's row count, in the order of the data section
     * @throws IOException when writing fails
     * @throws IllegalStateException when this writer does not digest
     */
    public void manifest(Map<String, Long> rows) throws IOException {
        if (digest == null) {
            throw new IllegalStateException("Only a digesting writer writes a manifest");
        }
        long total = rows.values().stream().mapToLong(Long::longValue).sum();
        write(ScriptLayout.MANIFEST + rows.size() + " tables, " + total + " rows\n");
        for (Map.Entry<String, Long> table : rows.entrySet()) {
            write(ScriptLayout.MANIFEST_ROWS + ScriptLayout.manifestName(table.getKey()) + ": " + table.getValue()
                    + "\n");
        }
        write(ScriptLayout.DIGEST + HexFormat.of().formatHex(digest.digest()) + "\n");
    }

    /**
     * Writes a comment; each line of {@code text} becomes a line starting with {@code --}.
     *
     * @param text the comment, possibly several lines
     * @throws IOException when writing fails
     */
    public void comment(String text) throws IOException {
        for (String line : text.split("\r\n|\r|\n", -1)) {
            write(line.isEmpty() ? "--\n" : "-- " + line + "\n");
        }
    }

    /**
     * Writes one statement followed by {@code ;}, a line break and an empty line.
     *
     * @param sql the statement without its semicolon
     * @throws IOException when writing fails
     */
    public void statement(String sql) throws IOException {
        write(sql + ";\n\n");
    }

    /**
     * Ends the script with {@link ScriptLayout#CLOSING_MARKER}, the line that tells a complete file from a cut one.
     *
     * @throws IOException when writing fails
     */
    public void closingMarker() throws IOException {
        write(ScriptLayout.CLOSING_MARKER + "\n");
    }

    /**
     * Writes an empty line.
     *
     * @throws IOException when writing fails
     */
    public void blankLine() throws IOException {
        write("\n");
    }

    /**
     * The stream under the script, for the data section's bytes; what goes through it is counted too.
     *
     * @return the stream
     */
    public OutputStream raw() {
        return out;
    }

    /**
     * How many bytes have been written so far.
     *
     * @return the count
     */
    public long bytes() {
        return out.count();
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
