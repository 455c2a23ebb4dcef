package io.persistor.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * Identifies an object that others can depend on: a relation (table, view, sequence), a type, a routine, an
 * operator or a cast. Relation names are unique within a schema, as are type names; routines and operators are told
 * apart by their arguments; a cast has no name, only its types.
 *
 * @param kind      which namespace of the schema the name lives in
 * @param name      the qualified name
 * @param arguments for a routine its identity arguments as {@code pg_get_function_identity_arguments} renders
 *                  them, for an operator its operand types ({@link Operator#arguments()}), for a cast
 *                  {@code source AS target}, otherwise the empty string
 */
public record ObjectKey(Kind kind, QualifiedName name, String arguments) implements Comparable<ObjectKey> {

    private static final Comparator<ObjectKey> ORDER = Comparator.comparing(ObjectKey::kind)
            .thenComparing(ObjectKey::name).thenComparing(ObjectKey::arguments);

    /** The namespaces object names live in. */
    public enum Kind {
        /** Enum, domain, composite and range types. */
        TYPE,
        /** Tables, views, materialized views and sequences. */
        RELATION,
        /** Functions, procedures and aggregates. */
        ROUTINE,
        /** Operators. */
        OPERATOR,
        /** Casts, which have an empty name. */
        CAST
    }

    /** Rejects missing parts. */
    public ObjectKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }

    /**
     * The key of a relation.
     *
     * @param name its name
     * @return the key
     */
    public static ObjectKey relation(QualifiedName name) {
        return new ObjectKey(Kind.RELATION, name, "");
    }

    /**
     * The key of a type.
     *
     * @param name its name
     * @return the key
     */
    public static ObjectKey type(QualifiedName name) {
        return new ObjectKey(Kind.TYPE, name, "");
    }

    /** Orders by kind, then name, then arguments. */
    @Override
    public int compareTo(ObjectKey other) {
        return ORDER.compare(this, other);
    }

    /** Returns the name, with the arguments of a routine or operator; for a cast, its types. */
    @Override
    public String toString() {
        return switch (kind) {
            case ROUTINE, OPERATOR -> name + "(" + arguments + ")";
            case CAST -> "cast (" + arguments + ")";
            default -> name.toString();
        };
    }
}
