package io.persistor.core.internal.restore;

import java.util.Locale;

/**
 * Follows the words of a statement as psql does, to know when a semicolon is inside a SQL-standard routine body: in
 * {@code CREATE [OR REPLACE] FUNCTION} or {@code PROCEDURE}, {@code BEGIN} and {@code CASE} open a block and
 * {@code END} closes one. Only the first words of other statements are looked at.
 */
final class RoutineBlocks {

    private final StringBuilder word = new StringBuilder();
    private int count;
    private boolean routine;
    private int depth;

    /** Adds a character of the current word. */
    void append(char c) {
        if (count <= 4 || routine) {
            word.append(c);
        }
    }

    /** Ends the current word, if there is one. */
    void end() {
        if (word.length() == 0) {
            return;
        }
        if (count > 4 && !routine) {
            word.setLength(0);
            return;
        }
        String current = word.toString().toLowerCase(Locale.ROOT);
        word.setLength(0);
        count++;
        if (count <= 4 && (current.equals("function") || current.equals("procedure"))) {
            routine = true;
        } else if (count == 1 && !current.equals("create")) {
            count = 100;
        } else if (routine && (current.equals("begin") || current.equals("case"))) {
            depth++;
        } else if (routine && current.equals("end") && depth > 0) {
            depth--;
        }
    }

    /**
     * Whether the words still matter: the statement's first words, or all of a routine's; after that, runs of
     * characters may be passed over without {@link #append}.
     */
    boolean watching() {
        return count <= 4 || routine;
    }

    /** Whether the statement is inside a {@code BEGIN ... END} body, where a semicolon does not end it. */
    boolean inBlock() {
        return depth > 0;
    }
}
