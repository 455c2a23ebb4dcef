package io.persistor.core.internal.ddl;

import io.persistor.model.Cast;

/** {@code CREATE CAST}, which the owner of either type may run. */
public final class CastDdl {

    private CastDdl() {
    }

    /**
     * The cast's types as statements name it: {@code (source AS target)}.
     *
     * @param cast the cast
     * @return its types in parentheses
     */
    public static String signature(Cast cast) {
        return "(" + cast.source() + " AS " + cast.target() + ")";
    }

    /**
     * Creates a cast.
     *
     * @param cast the cast
     * @return the statement, without the terminating semicolon
     */
    public static String create(Cast cast) {
        String how = cast.binaryCoercible() ? " WITHOUT FUNCTION"
                : cast.function() == null ? " WITH INOUT" : " WITH FUNCTION " + cast.function();
        String context = switch (cast.context()) {
            case ASSIGNMENT -> " AS ASSIGNMENT";
            case IMPLICIT -> " AS IMPLICIT";
            case EXPLICIT -> "";
        };
        return "CREATE CAST " + signature(cast) + how + context;
    }
}
