package io.persistor;

import java.util.List;

/**
 * What {@link SchemaComparison#verify} found: the migration applied to a copy of the target, and the source compared
 * with the result again.
 *
 * @param remaining the differences left after the migration
 * @param failure   the error of the statement that failed, with the statement, or {@code null} when all ran
 * @param leftOut   how many statements were left out of the migration for their hazards
 */
public record MigrationVerification(List<Difference> remaining, String failure, int leftOut) {

    /** Copies the list. */
    public MigrationVerification {
        remaining = List.copyOf(remaining);
    }

    /**
     * Whether the migration ran and left no difference.
     *
     * @return {@code true} when it is good
     */
    public boolean isGood() {
        return failure == null && remaining.isEmpty();
    }

    /**
     * A readable account.
     *
     * @return one line when good; otherwise the failure or each remaining difference on a line
     */
    public String report() {
        if (isGood()) {
            return "The migration ran on a copy of the target and left no difference.\n";
        }
        StringBuilder text = new StringBuilder();
        if (failure != null) {
            text.append("The migration failed on a copy of the target: ").append(failure).append('\n');
        }
        remaining.forEach(d -> text.append("Left after the migration: ").append(d).append('\n'));
        if (leftOut > 0) {
            text.append(leftOut)
                    .append(" statements were left out for their hazards; SchemaDiff.allow(...) writes them.\n");
        }
        return text.toString();
    }
}
