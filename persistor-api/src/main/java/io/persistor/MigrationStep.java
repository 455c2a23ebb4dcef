package io.persistor;

import java.util.Locale;
import java.util.Set;

/**
 * One statement of a {@link SchemaComparison}'s migration, with what it costs.
 *
 * @param sql           the statement, ending with a semicolon
 * @param hazards       what it may cost besides the change itself
 * @param lock          the strongest lock it takes on an existing object
 * @param transactional {@code false} when it must run on its own: it cannot run inside a transaction block
 *                      ({@code CREATE INDEX CONCURRENTLY}), or must be committed before the statements after it can
 *                      use what it made ({@code ALTER TYPE ... ADD VALUE}), or, in an online-safe plan, reads a
 *                      whole table and must hold no lock of the statements before it ({@code VALIDATE CONSTRAINT})
 * @param written       {@code false} when it was left out, because one of its hazards is not allowed or because it
 *                      belongs with a statement that was
 * @param note          why it is there or why it was left out, or {@code null}
 */
public record MigrationStep(String sql, Set<Hazard> hazards, Lock lock, boolean transactional, boolean written,
                            String note) {

    /** The table-level locks of PostgreSQL that migration statements take, weakest first. */
    public enum Lock {
        /** No lock that waits for, or blocks, other sessions' work on existing objects. */
        NONE,
        /** Blocks schema changes and {@code VACUUM}, not reads or writes. */
        SHARE_UPDATE_EXCLUSIVE,
        /** Blocks writes, not reads. */
        SHARE,
        /** Blocks writes and other {@code SHARE} locks, not reads. */
        SHARE_ROW_EXCLUSIVE,
        /** Blocks everything, reads included. */
        ACCESS_EXCLUSIVE;

        /**
         * The lock's name as PostgreSQL writes it.
         *
         * @return for example {@code ACCESS EXCLUSIVE}
         */
        public String sqlName() {
            return name().replace('_', ' ');
        }
    }

    /** Copies the set. */
    public MigrationStep {
        hazards = Set.copyOf(hazards);
    }

    /**
     * The step as script text: a comment line naming its hazards and lock when it has any, then the statement, or
     * the statement as a {@code -- HAZARD} comment when it was left out.
     *
     * @return one or two lines, without a final line break
     */
    public String text() {
        String costs = costs();
        if (!written) {
            return "-- HAZARD (" + costs + (note == null ? "" : "; " + note) + "): " + sql.replace("\n", "\n--   ");
        }
        StringBuilder text = new StringBuilder();
        if (!costs.isEmpty() || note != null) {
            text.append("-- ").append(costs.isEmpty() ? note : note == null ? costs : costs + "; " + note).append('\n');
        }
        return text.append(sql).toString();
    }

    private String costs() {
        StringBuilder costs = new StringBuilder();
        hazards.stream().sorted().forEach(h -> costs.append(costs.length() == 0 ? "" : ", ")
                .append(h.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        if (lock != Lock.NONE) {
            costs.append(costs.length() == 0 ? "" : "; ").append("locks ").append(lock.sqlName());
        }
        if (!transactional) {
            costs.append(costs.length() == 0 ? "" : "; ").append("outside a transaction");
        }
        return costs.toString();
    }
}
