package io.persistor;

/**
 * What a migration statement may cost besides changing the schema. {@link SchemaDiff} writes a statement whose
 * hazards are all allowed, and leaves any other out as a {@code -- HAZARD} comment, together with what depends on it.
 * {@link #DATA_LOSS} and {@link #TABLE_REWRITE} are refused unless allowed; the others are allowed unless refused.
 */
public enum Hazard {
    /** Drops stored rows or column values that no later statement brings back. */
    DATA_LOSS,
    /** Rewrites a whole table (and its indexes) under an {@code ACCESS EXCLUSIVE} lock. */
    TABLE_REWRITE,
    /** Reads a whole table to validate a constraint, holding a lock while it does. */
    FULL_SCAN,
    /** Builds an index while writes to its table wait. */
    BLOCKING_INDEX_BUILD,
    /** Fails if existing rows do not satisfy the new definition. */
    MAY_FAIL_ON_DATA,
    /** Drops objects that depend on the changed one and creates them again afterwards; they are missing meanwhile. */
    BREAKS_DEPENDENTS;

    /**
     * Whether a migration writes statements with this hazard when the caller says nothing about it.
     *
     * @return {@code false} for data loss and table rewrites
     */
    public boolean allowedByDefault() {
        return this != DATA_LOSS && this != TABLE_REWRITE;
    }
}
