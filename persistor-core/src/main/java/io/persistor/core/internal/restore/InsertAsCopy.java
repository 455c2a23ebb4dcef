package io.persistor.core.internal.restore;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a multi-row {@code INSERT} in the shape Persistor writes ({@code INSERT INTO "s"."t" ("a", "b") VALUES}
 * followed by rows of {@code NULL}, bare numbers and string literals, optionally cast) into the {@code COPY} command
 * and rows that load the same data, which the server does several times faster. Anything else (another tool's
 * {@code INSERT}, a value a custom renderer wrote as an expression) is left alone, and runs as it is.
 *
 * <p>Persistor's scripts create rules and triggers only after the data, so nothing an {@code INSERT} would set off
 * and a {@code COPY} would not can exist while the rows load.
 */
final class InsertAsCopy {

    /**
     * The {@code COPY} equivalent of one statement.
     *
     * @param command the {@code COPY ... FROM STDIN} command
     * @param rows    the rows in {@code COPY} text format, UTF-8
     */
    record Copy(String command, byte[] rows) {
    }

    private static final long QUOTES = Swar.copies('\'');
    private static final long BACKSLASHES = Swar.copies('\\');
    private static final byte[] NULL = "NULL".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OVERRIDING = " OVERRIDING SYSTEM VALUE".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VALUES = " VALUES\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEXT_ROW = ",\n".getBytes(StandardCharsets.US_ASCII);

    /** The statement's UTF-8 bytes: every byte of its syntax is ASCII, and no byte of a longer character is. */
    private final byte[] sql;
    private int at;
    private byte[] rows;
    private int length;

    private InsertAsCopy(byte[] sql) {
        this.sql = sql;
        this.rows = new byte[sql.length];
    }

    /**
     * Converts a statement, if it has Persistor's shape.
     *
     * @param sql the statement, without its semicolon
     * @return the equivalent, or {@code null} when the statement must run as it is
     */
    static Copy convert(String sql) {
        if (!sql.startsWith("INSERT INTO \"")) {
            return null;
        }
        try {
            return new InsertAsCopy(sql.getBytes(StandardCharsets.UTF_8)).parse();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Copy parse() {
        at = "INSERT INTO ".length();
        int tableStart = at;
        identifier();
        expect('.');
        identifier();
        String table = text(tableStart, at);
        expect(' ');
        expect('(');
        int columnsStart = at;
        identifier();
        while (startsWith(", ")) {
            at += 2;
            identifier();
        }
        String columns = text(columnsStart, at);
        expect(')');
        if (startsWith(OVERRIDING)) {
            at += OVERRIDING.length;
        }
        expect(VALUES);
        while (true) {
            expect('(');
            value();
            while (startsWith(", ")) {
                at += 2;
                append((byte) '\t');
                value();
            }
            expect(')');
            append((byte) '\n');
            if (at == sql.length) {
                break;
            }
            expect(NEXT_ROW);
        }
        return new Copy("COPY " + table + " (" + columns + ") FROM STDIN", Arrays.copyOf(rows, length));
    }

    private void value() {
        byte c = byteAt(at);
        if (c == 'N' && startsWith(NULL)) {
            at += NULL.length;
            append((byte) '\\');
            append((byte) 'N');
        } else if (c == '-' || c >= '0' && c <= '9') {
            int start = at;
            for (byte d; at < sql.length && ((d = sql[at]) >= '0' && d <= '9' || d == '.' || d == '-'); ) {
                at++;
            }
            append(start, at);
        } else if (c == '\'') {
            literal();
            if (startsWith("::")) {
                at += 2;
                skipType();
            }
        } else {
            throw new IllegalArgumentException("not a value Persistor writes");
        }
    }

    /** Copies a standard string literal's text, escaped for COPY's text format. */
    private void literal() {
        at++;
        while (true) {
            int start = at;
            at = plainEnd(at);
            append(start, at);
            byte c = byteAt(at++);
            if (c == '\'') {
                if (at < sql.length && sql[at] == '\'') {
                    at++;
                    append((byte) '\'');
                } else {
                    return;
                }
            } else {
                append((byte) '\\');
                append(c == '\\' ? c : c == '\t' ? (byte) 't' : c == '\n' ? (byte) 'n' : (byte) 'r');
            }
        }
    }

    /**
     * Where the first byte from {@code from} on is that ends a literal or must be escaped in COPY's text format (a
     * quote, a backslash, a tab, a line feed or a carriage return), or the statement's end; looks at eight bytes at
     * a time.
     */
    private int plainEnd(int from) {
        int i = from;
        for (; i + Long.BYTES <= sql.length; i += Long.BYTES) {
            long word = Swar.word(sql, i);
            // Tab, line feed and carriage return are among the bytes below 0x0E, which are looked at one by one.
            long found = Swar.equal(word, QUOTES) | Swar.equal(word, BACKSLASHES) | Swar.below(word, 0x0E);
            if (found != 0) {
                i += Swar.first(found);
                break;
            }
        }
        while (i < sql.length && !needsEscape(sql[i])) {
            i++;
        }
        return i;
    }

    /** Whether a byte ends a literal or must be escaped in COPY's text format. */
    private static boolean needsEscape(byte c) {
        return c == '\'' || c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Passes over a cast's type, such as {@code public.geometry(Point,4326)[]}; the column's type reads the text. */
    private void skipType() {
        int depth = 0;
        while (at < sql.length) {
            byte c = sql[at];
            if (c == '"') {
                identifier();
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return;
            }
            at++;
        }
    }

    private void identifier() {
        expect('"');
        while (true) {
            byte c = byteAt(at++);
            if (c == '"') {
                if (at < sql.length && sql[at] == '"') {
                    at++;
                } else {
                    return;
                }
            }
        }
    }

    private void expect(char c) {
        if (byteAt(at) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        at++;
    }

    private void expect(byte[] text) {
        if (!startsWith(text)) {
            throw new IllegalArgumentException("expected " + new String(text, StandardCharsets.US_ASCII));
        }
        at += text.length;
    }

    private boolean startsWith(byte[] text) {
        return at + text.length <= sql.length && Arrays.equals(sql, at, at + text.length, text, 0, text.length);
    }

    private boolean startsWith(String pair) {
        return at + 1 < sql.length && sql[at] == pair.charAt(0) && sql[at + 1] == pair.charAt(1);
    }

    private byte byteAt(int index) {
        if (index >= sql.length) {
            throw new IllegalArgumentException("statement ends early");
        }
        return sql[index];
    }

    private String text(int from, int to) {
        return new String(sql, from, to - from, StandardCharsets.UTF_8);
    }

    private void append(byte b) {
        if (length == rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2 + 16);
        }
        rows[length++] = b;
    }

    private void append(int from, int to) {
        int count = to - from;
        if (length + count > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(rows.length * 2, length + count) + 16);
        }
        System.arraycopy(sql, from, rows, length, count);
        length += count;
    }
}
