package io.persistor.model;

/**
 * A table or domain constraint.
 *
 * @param name            its name
 * @param kind            what kind of constraint it is
 * @param definition      its definition as {@code pg_get_constraintdef} renders it
 * @param validated       {@code false} for a constraint added {@code NOT VALID} and not validated since
 * @param referencedTable for a foreign key the table it references, otherwise {@code null}
 * @param local           {@code false} if it exists only because a parent table has it
 * @param attachedTo      for a partition's key that belongs to its parent's key, the parent key's index;
 *                        otherwise {@code null}
 * @param comment         its comment, or {@code null}
 * @param indexComment    for a key, unique or exclusion constraint, the comment on the index behind it, or
 *                        {@code null}
 */
public record Constraint(String name, Kind kind, String definition, boolean validated, QualifiedName referencedTable,
                         boolean local, QualifiedName attachedTo, String comment, String indexComment) {

    /** The kinds of constraint. */
    public enum Kind {
        /** {@code PRIMARY KEY}. */
        PRIMARY_KEY,
        /** {@code UNIQUE}. */
        UNIQUE,
        /** {@code CHECK}. */
        CHECK,
        /** {@code FOREIGN KEY}. */
        FOREIGN_KEY,
        /** {@code EXCLUDE}. */
        EXCLUSION,
        /** A constraint trigger, created by its {@link Trigger}. */
        TRIGGER,
        /**
         * A {@code NOT NULL} constraint that is {@code NOT VALID} or {@code NO INHERIT} (PostgreSQL 18); other
         * {@code NOT NULL} constraints belong to their {@link Column}.
         */
        NOT_NULL
    }

    /**
     * Whether an index backs it.
     *
     * @return {@code true} for primary keys, unique and exclusion constraints
     */
    public boolean isIndexBacked() {
        return kind == Kind.PRIMARY_KEY || kind == Kind.UNIQUE || kind == Kind.EXCLUSION;
    }
}
