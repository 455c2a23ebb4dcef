package io.persistor.core.internal.restore;

/** Counts the rows an {@code INSERT ... VALUES} statement inserts: its parenthesised lists after {@code VALUES}. */
final class InsertRows {

    private InsertRows() {
    }

    /**
     * @param sql an {@code INSERT} statement
     * @return how many rows it lists; 1 for {@code INSERT ... SELECT} and {@code DEFAULT VALUES}
     */
    static long count(String sql) {
        int values = indexOfValues(sql);
        if (values < 0) {
            return 1;
        }
        long rows = 0;
        int depth = 0;
        for (int i = values; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closing(sql, i, c);
            } else if (c == '(') {
                if (depth++ == 0) {
                    rows++;
                }
            } else if (c == ')') {
                depth--;
            }
        }
        return Math.max(rows, 1);
    }

    /** Where the word VALUES ends, outside quotes, or -1. */
    private static int indexOfValues(String sql) {
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closing(sql, i, c);
            } else if ((c == 'V' || c == 'v') && sql.regionMatches(true, i, "VALUES", 0, 6)
                    && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))
                    && (i + 6 >= sql.length() || !Character.isLetterOrDigit(sql.charAt(i + 6)))) {
                return i + 6;
            }
        }
        return -1;
    }

    /** The position of the quote that closes the one at {@code open} (a doubled quote stays inside). */
    private static int closing(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return i;
    }
}
