package io.persistor.core.internal.restore;

import java.nio.charset.StandardCharsets;

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

    private final String sql;
    private int at;

    private InsertAsCopy(String sql) {
        this.sql = sql;
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
            return new InsertAsCopy(sql).parse();
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
        String table = sql.substring(tableStart, at);
        expect(' ');
        expect('(');
        int columnsStart = at;
        identifier();
        while (sql.startsWith(", ", at)) {
            at += 2;
            identifier();
        }
        String columns = sql.substring(columnsStart, at);
        expect(')');
        if (sql.startsWith(" OVERRIDING SYSTEM VALUE", at)) {
            at += " OVERRIDING SYSTEM VALUE".length();
        }
        expectText(" VALUES\n");
        StringBuilder rows = new StringBuilder(sql.length());
        while (true) {
            expect('(');
            value(rows);
            while (sql.startsWith(", ", at)) {
                at += 2;
                rows.append('\t');
                value(rows);
            }
            expect(')');
            rows.append('\n');
            if (at == sql.length()) {
                break;
            }
            expectText(",\n");
        }
        return new Copy("COPY " + table + " (" + columns + ") FROM STDIN", rows.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void value(StringBuilder rows) {
        char c = charAt(at);
        if (sql.startsWith("NULL", at)) {
            at += 4;
            rows.append("\\N");
        } else if (c == '-' || c >= '0' && c <= '9') {
            int start = at;
            for (char d; at < sql.length() && ((d = sql.charAt(at)) >= '0' && d <= '9' || d == '.' || d == '-'); ) {
                at++;
            }
            rows.append(sql, start, at);
        } else if (c == '\'') {
            literal(rows);
            if (sql.startsWith("::", at)) {
                at += 2;
                skipType();
            }
        } else {
            throw new IllegalArgumentException("not a value Persistor writes");
        }
    }

    /** Copies a standard string literal's text, escaped for COPY's text format. */
    private void literal(StringBuilder rows) {
        at++;
        while (true) {
            int start = at;
            while (at < sql.length() && !needsEscape(sql.charAt(at))) {
                at++;
            }
            rows.append(sql, start, at);
            char c = charAt(at++);
            if (c == '\'') {
                if (at < sql.length() && sql.charAt(at) == '\'') {
                    at++;
                    rows.append('\'');
                } else {
                    return;
                }
            } else if (c == '\\') {
                rows.append("\\\\");
            } else if (c == '\t') {
                rows.append("\\t");
            } else if (c == '\n') {
                rows.append("\\n");
            } else if (c == '\r') {
                rows.append("\\r");
            } else {
                rows.append(c);
            }
        }
    }

    /** Whether a character ends a literal or must be escaped in COPY's text format. */
    private static boolean needsEscape(char c) {
        return c == '\'' || c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Passes over a cast's type, such as {@code public.geometry(Point,4326)[]}; the column's type reads the text. */
    private void skipType() {
        int depth = 0;
        while (at < sql.length()) {
            char c = sql.charAt(at);
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
            char c = charAt(at++);
            if (c == '"') {
                if (at < sql.length() && sql.charAt(at) == '"') {
                    at++;
                } else {
                    return;
                }
            }
        }
    }

    private void expect(char c) {
        if (charAt(at) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        at++;
    }

    private void expectText(String text) {
        if (!sql.startsWith(text, at)) {
            throw new IllegalArgumentException("expected " + text);
        }
        at += text.length();
    }

    private char charAt(int index) {
        if (index >= sql.length()) {
            throw new IllegalArgumentException("statement ends early");
        }
        return sql.charAt(index);
    }
}
