package io.persistor.model;

/**
 * A function, procedure or aggregate.
 *
 * @param name       its qualified name
 * @param arguments  its identity arguments as {@code pg_get_function_identity_arguments} renders them
 * @param kind       what it is
 * @param definition the statement that creates it, without the semicolon
 * @param comment    its comment, or {@code null}
 */
public record Routine(QualifiedName name, String arguments, Kind kind, String definition, String comment) {

    /** The kinds of routine. */
    public enum Kind {
        /** A function, including window functions. */
        FUNCTION,
        /** A procedure. */
        PROCEDURE,
        /** An aggregate. */
        AGGREGATE
    }

    /** @return the key other objects' dependencies name it by */
    public ObjectKey key() {
        return new ObjectKey(ObjectKey.Kind.ROUTINE, name, arguments);
    }
}
