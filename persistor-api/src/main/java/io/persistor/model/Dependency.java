package io.persistor.model;

import java.util.Objects;

/**
 * One object needs another to exist, as {@code pg_depend} records it.
 *
 * @param dependent        the object that needs the other; for a part of a table (see {@code part}), the table
 * @param referenced       the object it needs
 * @param part             which part of the dependent carries the need
 * @param partName         the column, constraint, index, trigger, policy, rule or statistics object that carries it;
 *                         {@code null} for {@link Part#DEFINITION}
 * @param referencedColumn when the need is on one column of a referenced table or view, that column; otherwise
 *                         {@code null}
 */
public record Dependency(ObjectKey dependent, ObjectKey referenced, Part part, String partName,
                         String referencedColumn) {

    /** The parts of an object that can need another object. */
    public enum Part {
        /** The object's own definition: a view's query, a routine's signature or body, a type's definition. */
        DEFINITION,
        /** A table column's type. */
        COLUMN,
        /** A table column's default or generation expression. */
        DEFAULT,
        /** A check constraint of a table or domain. */
        CHECK,
        /** A table's key, unique, foreign-key or exclusion constraint, or constraint trigger. */
        KEY,
        /** An index of a table or materialized view. */
        INDEX,
        /** A trigger. */
        TRIGGER,
        /** A row-level security policy. */
        POLICY,
        /** A rule other than a view's query. */
        RULE,
        /** An extended statistics object. */
        STATISTICS
    }

    /** Rejects missing parts. */
    public Dependency {
        Objects.requireNonNull(dependent, "dependent");
        Objects.requireNonNull(referenced, "referenced");
        Objects.requireNonNull(part, "part");
    }

    /**
     * A need of one object's definition on another.
     *
     * @param dependent  the object that needs the other
     * @param referenced the object it needs
     * @return the dependency
     */
    public static Dependency of(ObjectKey dependent, ObjectKey referenced) {
        return new Dependency(dependent, referenced, Part.DEFINITION, null, null);
    }

    /**
     * Whether the dependent cannot be created before the referenced object: false for the parts a script adds
     * after the data (keys, indexes, triggers, policies, rules, statistics).
     *
     * @return whether the need orders the creation of the objects
     */
    public boolean ordersCreation() {
        return part.compareTo(Part.KEY) < 0;
    }

    /**
     * The column whose default or generation expression carries the need.
     *
     * @return the column, or {@code null}
     */
    public String viaColumnDefault() {
        return part == Part.DEFAULT ? partName : null;
    }

    /**
     * The table check constraint that carries the need.
     *
     * @return the constraint's name, or {@code null} (also for a domain's checks)
     */
    public String viaCheck() {
        return part == Part.CHECK && dependent.kind() == ObjectKey.Kind.RELATION ? partName : null;
    }
}
