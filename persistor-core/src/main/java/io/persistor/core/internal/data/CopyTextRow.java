package io.persistor.core.internal.data;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Splits one row of {@code COPY ... TO STDOUT} text format into its fields and undoes the format's escapes
 * ({@code \N} for NULL, {@code \t}, {@code \n}, {@code \\}, octal and hex escapes); {@link #writeEscaped} applies
 * them, as the server does, to a value read on its own.
 *
 * <p>A server sends each row as one message ending in a line feed; fields are separated by tab bytes, and
 * tabs, line feeds and backslashes inside values are always escaped, so the split can work on raw bytes.
 */
final class CopyTextRow {

    private final byte[] row;
    private final int end;
    private int position;
    private byte[] value = new byte[256];
    private int valueLength;

    CopyTextRow(byte[] row) {
        this.row = row;
        int length = row.length;
        this.end = length > 0 && row[length - 1] == '\n' ? length - 1 : length;
    }

    /**
     * Decodes the next field into {@link #value()}.
     *
     * @return {@code false} if the field is NULL
     * @throws IllegalStateException if the row has no more fields
     */
    boolean next() {
        if (position > end) {
            throw new IllegalStateException("COPY row has fewer fields than the table has columns");
        }
        int fieldEnd = position;
        while (fieldEnd < end && row[fieldEnd] != '\t') {
            fieldEnd++;
        }
        int start = position;
        position = fieldEnd + 1;
        if (fieldEnd - start == 2 && row[start] == '\\' && row[start + 1] == 'N') {
            return false;
        }
        decode(start, fieldEnd);
        return true;
    }

    /** Whether every field has been read. */
    boolean isComplete() {
        return position > end;
    }

    byte[] value() {
        return value;
    }

    int valueLength() {
        return valueLength;
    }

    private void decode(int from, int to) {
        if (value.length < to - from) {
            value = new byte[Math.max(to - from, value.length * 2)];
        }
        int n = 0;
        int i = from;
        while (i < to) {
            byte b = row[i++];
            if (b != '\\' || i == to) {
                value[n++] = b;
                continue;
            }
            byte escaped = row[i++];
            switch (escaped) {
                case 'b': value[n++] = '\b'; break;
                case 'f': value[n++] = '\f'; break;
                case 'n': value[n++] = '\n'; break;
                case 'r': value[n++] = '\r'; break;
                case 't': value[n++] = '\t'; break;
                case 'v': value[n++] = 0x0b; break;
                case 'x': {
                    int digits = 0;
                    int code = 0;
                    while (digits < 2 && i < to && Character.digit(row[i], 16) >= 0) {
                        code = code * 16 + Character.digit(row[i++], 16);
                        digits++;
                    }
                    value[n++] = digits == 0 ? (byte) 'x' : (byte) code;
                    break;
                }
                default:
                    if (escaped >= '0' && escaped <= '7') {
                        int code = escaped - '0';
                        int digits = 1;
                        while (digits < 3 && i < to && row[i] >= '0' && row[i] <= '7') {
                            code = code * 8 + (row[i++] - '0');
                            digits++;
                        }
                        value[n++] = (byte) code;
                    } else {
                        value[n++] = escaped;
                    }
            }
        }
        valueLength = n;
    }

    /**
     * Writes text in the escapes the server's {@code COPY ... TO STDOUT} uses: backslash and the control characters
     * backspace, form feed, line feed, carriage return, tab and vertical tab.
     *
     * @param out  where the field goes
     * @param utf8 the text, or a part of it
     * @throws IOException when {@code out} fails
     */
    static void writeEscaped(OutputStream out, byte[] utf8) throws IOException {
        int start = 0;
        for (int i = 0; i < utf8.length; i++) {
            char escape = switch (utf8[i]) {
                case '\\' -> '\\';
                case '\b' -> 'b';
                case '\f' -> 'f';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                case 0x0b -> 'v';
                default -> 0;
            };
            if (escape != 0) {
                out.write(utf8, start, i - start);
                out.write('\\');
                out.write(escape);
                start = i + 1;
            }
        }
        out.write(utf8, start, utf8.length - start);
    }
}
