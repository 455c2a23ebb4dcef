package io.persistor.core.internal.restore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Splits a SQL script into statements as psql does: a semicolon ends a statement only outside single-quoted
 * strings (standard and {@code E''} with backslash escapes), double-quoted identifiers, dollar-quoted strings, both
 * comment styles (block comments nest), parentheses (the actions of a rule, {@code DO (...; ...)}) and, in
 * {@code CREATE FUNCTION} and {@code CREATE PROCEDURE}, SQL-standard {@code BEGIN ATOMIC ... END} bodies. After a
 * {@code COPY ... FROM stdin} statement the caller reads the rows with {@link #copyData}, as the bytes they are.
 * Reads the script's UTF-8 bytes once, a buffer at a time, decoding only the statements.
 */
final class ScriptParser {

    private static final Pattern COPY_FROM_STDIN =
            Pattern.compile("(?is)^COPY\\s.+\\sFROM\\s+stdin\\b.*");

    /** One statement and the line it starts on. */
    record Statement(String sql, int line) {

        boolean isCopyFromStdin() {
            return COPY_FROM_STDIN.matcher(sql).matches();
        }
    }

    /** Receives the rows of a {@code COPY} block, whole lines at a time. */
    @FunctionalInterface
    interface CopySink {
        /**
         * @param bytes  a buffer the parser reuses after the call
         * @param offset where the lines start
         * @param length their length, up to and including the last one's line feed
         * @param lines  how many lines they are
         */
        void rows(byte[] bytes, int offset, int length, int lines) throws IOException;
    }

    private static final int BUFFER = 1 << 16;
    private static final long LINE_FEEDS = Swar.copies('\n');

    private final InputStream in;
    private byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private int line = 1;
    /** The depth of parentheses in the statement being read. */
    private int parentheses;
    private long bytesRead;
    /** The second half of a surrogate pair whose first half {@link #read} returned. */
    private char pendingLow;

    ScriptParser(InputStream in) {
        this.in = in;
    }

    /** The current line number, for messages. */
    int line() {
        return line;
    }

    /** Where a {@code COPY} block's rows are in the script: from byte {@code start} up to byte {@code end}. */
    record Rows(long start, long end) {
    }

    /** How many bytes have been read, for progress. */
    long bytesRead() {
        return bytesRead;
    }

    /**
     * The next statement, without its semicolon, or {@code null} at the end of the script. Comments between
     * statements are skipped; a psql meta-command line ({@code \...}) between statements is returned as is.
     */
    Statement next() throws IOException {
        StringBuilder sql = new StringBuilder();
        RoutineBlocks words = new RoutineBlocks();
        parentheses = 0;
        int start = -1;
        while (true) {
            if (start >= 0 && !words.watching() && pendingLow == 0 && plainRun(sql)) {
                return new Statement(sql.toString().strip(), start);
            }
            int c = read();
            if (c < 0) {
                String rest = sql.toString().strip();
                return rest.isEmpty() ? null : new Statement(rest, start);
            }
            if (start < 0) {
                if (Character.isWhitespace(c)) {
                    continue;
                }
                if (c == '\\') {
                    int at = line;
                    return new Statement("\\" + restOfLine(), at);
                }
                if (c == '-' && peek() == '-') {
                    skipLineComment();
                    continue;
                }
                start = line;
            }
            if (isIdentifierPart((char) c)) {
                words.append((char) c);
                sql.append((char) c);
                continue;
            }
            words.end();
            switch (c) {
                case '(':
                    parentheses++;
                    sql.append('(');
                    break;
                case ')':
                    parentheses = Math.max(0, parentheses - 1);
                    sql.append(')');
                    break;
                case ';':
                    if (words.inBlock() || parentheses > 0) {
                        sql.append(';');
                        break;
                    }
                    return new Statement(sql.toString().strip(), start);
                case '\'':
                    boolean escapes = sql.length() > 0 && isEscapePrefix(sql);
                    sql.append((char) c);
                    quoted(sql, '\'', escapes);
                    break;
                case '"':
                    sql.append((char) c);
                    quoted(sql, '"', false);
                    break;
                case '-':
                    if (peek() == '-') {
                        skipLineComment();
                        sql.append('\n');
                    } else {
                        sql.append('-');
                    }
                    break;
                case '/':
                    if (peek() == '*') {
                        read();
                        blockComment(sql);
                    } else {
                        sql.append('/');
                    }
                    break;
                case '$':
                    sql.append('$');
                    dollar(sql);
                    break;
                default:
                    sql.append((char) c);
            }
        }
    }

    /**
     * Passes the lines of the {@code COPY} block that follows the last statement to {@code sink}, as they are in the
     * script (line feeds included, a carriage return before them too), up to the terminating {@code \\.} line,
     * which is consumed but not passed. A line longer than the buffer grows it.
     *
     * @return where the rows are in the script
     */
    Rows copyData(CopySink sink) throws IOException {
        restOfLine();
        long first = offsetOf(position);
        while (true) {
            byte[] bytes = buffer;
            int end = limit;
            int start = position;
            int lines = 0;
            for (int scan = position; (scan = lineFeed(bytes, scan, end)) < end; scan++) {
                if (scan - start <= 3 && isTerminator(start, scan)) {
                    if (start > position) {
                        sink.rows(bytes, position, start - position, lines);
                    }
                    line += lines + 1;
                    position = scan + 1;
                    return new Rows(first, offsetOf(start));
                }
                lines++;
                start = scan + 1;
            }
            if (start > position) {
                sink.rows(buffer, position, start - position, lines);
                line += lines;
                position = start;
            }
            if (!fillKeeping()) {
                if (isTerminator(position, limit)) {
                    long last = offsetOf(position);
                    position = limit;
                    return new Rows(first, last);
                }
                throw new IOException("The script ends inside COPY data, without its \\. line (line " + line + ")");
            }
        }
    }

    /** The offset in the script of the byte at {@code index} of the buffer, for a {@link CopySink}. */
    long offsetOf(int index) {
        return bytesRead - limit + index;
    }

    /** The index of the first line feed from {@code from} on, or {@code end}; looks at eight bytes at a time. */
    private static int lineFeed(byte[] bytes, int from, int end) {
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long found = Swar.equal(Swar.word(bytes, i), LINE_FEEDS);
            if (found != 0) {
                return i + Swar.first(found);
            }
        }
        while (i < end && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    /** Whether the line from {@code start} to the line feed at {@code end} (or the script's end) is {@code \\.}. */
    private boolean isTerminator(int start, int end) {
        int length = end - start;
        if (length == 3 && buffer[end - 1] == '\r') {
            length = 2;
        }
        return length == 2 && buffer[start] == '\\' && buffer[start + 1] == '.';
    }

    /**
     * Reads on through the statement without looking at each character on its own, once its first words are known:
     * parentheses, standard strings and quoted identifiers are followed byte by byte and the text decoded at once.
     * Stops before anything that needs more care (comments, dollar quotes, {@code E''} strings), or after the
     * semicolon that ends the statement.
     *
     * @return whether the statement ended
     */
    private boolean plainRun(StringBuilder sql) throws IOException {
        int from = position;
        int i = position;
        int lines = 0;
        boolean ascii = true;
        byte quote = 0;
        boolean quoteSeen = false;
        boolean ended = false;
        scan:
        while (true) {
            if (i == limit) {
                int kept = i - from;
                position = from;
                boolean more = fillKeeping();
                from = 0;
                i = kept;
                if (!more) {
                    if (quote != 0 && !quoteSeen) {
                        throw new IOException("The script ends inside a " + (quote == '"' ? "quoted identifier"
                                : "string") + " (line " + (line + lines) + ")");
                    }
                    break;
                }
            }
            if (quote != 0) {
                if (!quoteSeen) {
                    i = notable(buffer, i, limit, quote);
                    if (i < limit) {
                        byte b = buffer[i++];
                        ascii &= b >= 0;
                        lines += b == '\n' ? 1 : 0;
                        quoteSeen = b == quote;
                    }
                    continue;
                }
                // The quote before closes the string, unless this one doubles it.
                quoteSeen = false;
                if (buffer[i] == quote) {
                    i++;
                    continue;
                }
                quote = 0;
            }
            byte b = buffer[i];
            switch (b) {
                case ';':
                    if (parentheses == 0) {
                        ended = true;
                        break scan;
                    }
                    break;
                case '(':
                    parentheses++;
                    break;
                case ')':
                    parentheses = Math.max(0, parentheses - 1);
                    break;
                case '\n':
                    lines++;
                    break;
                case '\'':
                    if (i == from || (buffer[i - 1] | 0x20) == 'e') {
                        break scan;
                    }
                    quote = b;
                    break;
                case '"':
                    quote = b;
                    break;
                case '-':
                case '/':
                case '$':
                    break scan;
                default:
                    if (b < 0) {
                        ascii = false;
                    }
            }
            i++;
        }
        sql.append(ascii ? new String(buffer, from, i - from, StandardCharsets.ISO_8859_1) : decoded(from, i));
        line += lines;
        position = ended ? i + 1 : i;
        return ended;
    }

    /**
     * The index of the first byte from {@code from} on that is {@code quote}, a line feed or not ASCII, or
     * {@code end}; looks at eight bytes at a time.
     */
    private static int notable(byte[] bytes, int from, int end, byte quote) {
        long quotes = Swar.copies(quote);
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long word = Swar.word(bytes, i);
            long found = Swar.equal(word, quotes) | Swar.equal(word, LINE_FEEDS) | Swar.notAscii(word);
            if (found != 0) {
                return i + Swar.first(found);
            }
        }
        while (i < end && bytes[i] != quote && bytes[i] != '\n' && bytes[i] >= 0) {
            i++;
        }
        return i;
    }

    /** The text of bytes {@code from} to {@code to} of the buffer, which must be whole UTF-8 characters. */
    private String decoded(int from, int to) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(buffer, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw malformed();
        }
    }

    private boolean isEscapePrefix(StringBuilder sql) {
        int last = sql.length() - 1;
        char e = sql.charAt(last);
        if (e != 'E' && e != 'e') {
            return false;
        }
        return last == 0 || !isIdentifierPart(sql.charAt(last - 1));
    }

    /** Reads a quoted string or identifier up to its closing quote, copying runs of plain ASCII at once. */
    private void quoted(StringBuilder sql, char quote, boolean backslashEscapes) throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                throw new IOException("The script ends inside a " + (quote == '"' ? "quoted identifier" : "string")
                        + " (line " + line + ")");
            }
            int start = position;
            while (position < limit) {
                byte b = buffer[position];
                if (b == quote || b < 0 || backslashEscapes && b == '\\') {
                    break;
                }
                if (b == '\n') {
                    line++;
                }
                position++;
            }
            sql.append(new String(buffer, start, position - start, StandardCharsets.ISO_8859_1));
            if (position == limit) {
                continue;
            }
            char c = (char) read();
            sql.append(c);
            if (pendingLow != 0) {
                sql.append((char) read());
            } else if (c == '\\') {
                int next = read();
                if (next >= 0) {
                    sql.append((char) next);
                }
                if (pendingLow != 0) {
                    sql.append((char) read());
                }
            } else if (c == quote) {
                if (peek() == quote) {
                    sql.append((char) read());
                } else {
                    return;
                }
            }
        }
    }

    private void dollar(StringBuilder sql) throws IOException {
        int before = sql.length() >= 2 ? sql.charAt(sql.length() - 2) : ' ';
        if (isIdentifierPart((char) before)) {
            return;
        }
        StringBuilder tag = new StringBuilder("$");
        while (true) {
            int c = peek();
            if (c == '$') {
                read();
                tag.append('$');
                break;
            }
            if (c < 0 || !isIdentifierPart((char) c) || tag.length() == 1 && Character.isDigit(c)) {
                return;
            }
            char next = (char) read();
            tag.append(next);
            sql.append(next);
        }
        sql.append('$');
        String closing = tag.toString();
        int matched = 0;
        while (matched < closing.length()) {
            int c = read();
            if (c < 0) {
                throw new IOException("The script ends inside a dollar-quoted string " + closing + " (line " + line + ")");
            }
            sql.append((char) c);
            matched = c == closing.charAt(matched) ? matched + 1 : c == closing.charAt(0) ? 1 : 0;
        }
    }

    private void blockComment(StringBuilder sql) throws IOException {
        int depth = 1;
        while (depth > 0) {
            int c = read();
            if (c < 0) {
                throw new IOException("The script ends inside a block comment (line " + line + ")");
            }
            if (c == '*' && peek() == '/') {
                read();
                depth--;
            } else if (c == '/' && peek() == '*') {
                read();
                depth++;
            }
        }
        sql.append(' ');
    }

    private void skipLineComment() throws IOException {
        int c;
        while ((c = read()) >= 0 && c != '\n') {
            // skip
        }
    }

    private String restOfLine() throws IOException {
        StringBuilder rest = new StringBuilder();
        int c;
        while ((c = read()) >= 0 && c != '\n') {
            rest.append((char) c);
        }
        return rest.toString().stripTrailing();
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c > 127;
    }

    /** The next character without taking it; any non-ASCII character shows as {@code 0x80}. */
    private int peek() throws IOException {
        if (pendingLow != 0) {
            return pendingLow;
        }
        if (position == limit && !fill()) {
            return -1;
        }
        byte b = buffer[position];
        return b >= 0 ? b : 0x80;
    }

    /** The next character, decoded from UTF-8. */
    private int read() throws IOException {
        if (pendingLow != 0) {
            char low = pendingLow;
            pendingLow = 0;
            return low;
        }
        if (position == limit && !fill()) {
            return -1;
        }
        byte b = buffer[position++];
        if (b >= 0) {
            if (b == '\n') {
                line++;
            }
            return b;
        }
        return decode(b & 0xFF);
    }

    /** Decodes the rest of a multi-byte UTF-8 sequence whose first byte was {@code lead}. */
    private int decode(int lead) throws IOException {
        int more = lead >= 0xF0 && lead <= 0xF4 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC2 && lead < 0xE0 ? 1 : -1;
        if (more < 0 || lead > 0xF4) {
            throw malformed();
        }
        int codePoint = lead & (0x3F >> more);
        for (int i = 0; i < more; i++) {
            if (position == limit && !fill()) {
                throw malformed();
            }
            int next = buffer[position++] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                throw malformed();
            }
            codePoint = codePoint << 6 | next & 0x3F;
        }
        int smallest = more == 1 ? 0x80 : more == 2 ? 0x800 : 0x10000;
        if (codePoint < smallest || codePoint > Character.MAX_CODE_POINT
                || Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF) {
            throw malformed();
        }
        if (codePoint > 0xFFFF) {
            pendingLow = Character.lowSurrogate(codePoint);
            return Character.highSurrogate(codePoint);
        }
        return codePoint;
    }

    private IOException malformed() {
        return new IOException("The script is not valid UTF-8 (line " + line + ")");
    }

    /** Reads the next buffer; what was not taken yet is dropped, so only when all was taken. */
    private boolean fill() throws IOException {
        position = 0;
        limit = 0;
        return fillKeeping();
    }

    /**
     * Reads more after what was not taken yet, which moves to the buffer's start; a buffer full of one untaken line
     * doubles.
     *
     * @return whether anything more was read
     */
    private boolean fillKeeping() throws IOException {
        int kept = limit - position;
        if (kept == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        } else if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, kept);
        }
        position = 0;
        limit = kept;
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n <= 0) {
            return false;
        }
        limit += n;
        bytesRead += n;
        return true;
    }
}
