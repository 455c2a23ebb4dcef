package io.persistor.model;

/**
 * A user-defined cast between two types, at least one of them in the backup's schemas.
 *
 * @param source   the source type as {@code format_type} renders it
 * @param target   the target type
 * @param function the function that converts, as {@code regprocedure} renders it ({@code f(argtypes)}), or
 *                 {@code null} for a cast through the types' text forms ({@code WITH INOUT}) or a binary-coercible one
 * @param context  where it applies implicitly
 * @param comment  its comment, or {@code null}
 * @param binaryCoercible whether the types share their binary form and the cast converts nothing
 *                 ({@code WITHOUT FUNCTION}, which only a superuser may create)
 */
public record Cast(String source, String target, String function, Context context, String comment,
                   boolean binaryCoercible) {

    /** {@code pg_cast.castcontext}. */
    public enum Context {
        /** Only in explicit casts. */
        EXPLICIT,
        /** Also in assignments ({@code AS ASSIGNMENT}). */
        ASSIGNMENT,
        /** Also implicitly in expressions ({@code AS IMPLICIT}). */
        IMPLICIT
    }

    /** @return the key other objects' dependencies name it by: no name, its types as the arguments */
    public ObjectKey key() {
        return new ObjectKey(ObjectKey.Kind.CAST, new QualifiedName("", ""), source + " AS " + target);
    }
}
