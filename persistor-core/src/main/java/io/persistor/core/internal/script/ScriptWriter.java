package io.persistor.core.internal.script;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the backup script: comments, statements each ending with {@code ;} at the end of a line, and the raw
 * bytes of the data section. Counts what it writes.
 */
public final class ScriptWriter {

    private final CountingOutputStream out;

    /**
     * Wraps a stream, which the caller keeps and closes.
     *
     * @param out where the script goes; should be buffered
     */
    public ScriptWriter(OutputStream out) {
        this.out = new CountingOutputStream(out);
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
