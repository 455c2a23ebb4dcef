package io.persistor.core.internal.restore;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Splits a SQL script into statements as psql does: a semicolon ends a statement only outside single-quoted
 * strings (standard and {@code E''} with backslash escapes), double-quoted identifiers, dollar-quoted strings, both
 * comment styles (block comments nest), parentheses (the actions of a rule, {@code DO (...; ...)}) and, in
 * {@code CREATE FUNCTION} and {@code CREATE PROCEDURE}, SQL-standard {@code BEGIN ATOMIC ... END} bodies. After a
 * {@code COPY ... FROM stdin} statement the caller reads the rows with {@link #copyData}. Reads the script once, a
 * buffer at a time.
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

    /** Receives the lines of a {@code COPY} block. */
    @FunctionalInterface
    interface CopySink {
        void line(char[] chars, int length) throws IOException;
    }

    private final Reader reader;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private int line = 1;
    private long charsRead;

    ScriptParser(Reader reader) {
        this.reader = reader;
    }

    /** The current line number, for messages. */
    int line() {
        return line;
    }

    /** How many characters have been read, for progress. */
    long charsRead() {
        return charsRead;
    }

    /**
     * The next statement, without its semicolon, or {@code null} at the end of the script. Comments between
     * statements are skipped; a psql meta-command line ({@code \...}) between statements is returned as is.
     */
    Statement next() throws IOException {
        StringBuilder sql = new StringBuilder();
        RoutineBlocks words = new RoutineBlocks();
        int parentheses = 0;
        int start = -1;
        while (true) {
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
     * Passes the lines of the {@code COPY} block that follows the last statement to {@code sink}, each with its line
     * feed, up to the terminating {@code \.} line, which is consumed but not passed.
     */
    void copyData(CopySink sink) throws IOException {
        restOfLine();
        char[] row = new char[256];
        while (true) {
            int length = 0;
            int c;
            while ((c = read()) >= 0 && c != '\n') {
                if (length == row.length) {
                    row = Arrays.copyOf(row, row.length * 2);
                }
                row[length++] = (char) c;
            }
            if (length > 0 && row[length - 1] == '\r') {
                length--;
            }
            if (length == 2 && row[0] == '\\' && row[1] == '.') {
                return;
            }
            if (c < 0) {
                throw new IOException("The script ends inside COPY data, without its \\. line (line " + line + ")");
            }
            if (length == row.length) {
                row = Arrays.copyOf(row, row.length + 1);
            }
            row[length++] = '\n';
            sink.line(row, length);
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

    /** Reads a quoted string or identifier up to its closing quote, copying runs of plain characters at once. */
    private void quoted(StringBuilder sql, char quote, boolean backslashEscapes) throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                throw new IOException("The script ends inside a " + (quote == '"' ? "quoted identifier" : "string")
                        + " (line " + line + ")");
            }
            int start = position;
            while (position < limit) {
                char c = buffer[position];
                if (c == quote || backslashEscapes && c == '\\') {
                    break;
                }
                if (c == '\n') {
                    line++;
                }
                position++;
            }
            sql.append(buffer, start, position - start);
            if (position == limit) {
                continue;
            }
            char c = buffer[position++];
            sql.append(c);
            if (c == '\\') {
                int next = read();
                if (next >= 0) {
                    sql.append((char) next);
                }
            } else if (peek() == quote) {
                sql.append((char) read());
            } else {
                return;
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
            tag.append((char) read());
            sql.append((char) c);
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

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        char c = buffer[position++];
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private boolean fill() throws IOException {
        int n = reader.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        charsRead += n;
        return true;
    }
}
