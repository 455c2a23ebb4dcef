package io.persistor.model;

/**
 * A table constraint.
 *
 * @param name            its name
 * @param kind            what kind of constraint it is
 * @param definition      its definition as {@code pg_get_constraintdef} renders it
 * @param validated       {@code false} for a constraint added {@code NOT VALID} and not validated since
 * @param referencedTable for a foreign key the table it references, otherwise {@code null}
 */
public record Constraint(String name, Kind kind, String definition, boolean validated, QualifiedName referencedTable) {

    /** The kinds of table constraint. */
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
        EXCLUSION
    }
}
