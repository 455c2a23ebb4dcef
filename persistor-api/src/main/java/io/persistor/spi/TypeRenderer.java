package io.persistor.spi;

/**
 * Writes one column's values as SQL expressions in the {@code INSERT} format. Persistor's own renderers cover every
 * built-in type, and for any other type write the type's text output as a literal with an explicit cast; register
 * one of these for a type whose values should be written differently (an extension's geometry as
 * {@code ST_GeomFromText(...)}, say), through {@code META-INF/services/io.persistor.spi.TypeRenderer} or
 * {@code Backup.typeRenderer(...)}. Implementations must be thread-safe.
 */
public interface TypeRenderer {

    /**
     * Whether this renderer writes values of a column of this type.
     *
     * @param type the column's type as {@code format_type} renders it with an empty search path: built-in types
     *             unqualified ({@code integer}, {@code numeric(10,2)}, {@code text[]}), others schema-qualified
     *             ({@code public.geometry(Point,4326)})
     * @return {@code true} to render this column's values
     */
    boolean supports(String type);

    /**
     * Ranks this renderer against others that support the same type; those given to the builder come first.
     *
     * @return larger wins
     */
    default int priority() {
        return 0;
    }

    /**
     * Renders one value.
     *
     * @param type the column's type, as given to {@link #supports(String)}
     * @param text the value's text output as the server printed it (never {@code null}; NULLs are written by
     *             Persistor)
     * @return an SQL expression that evaluates to the same value of the column's type
     */
    String render(String type, String text);
}
