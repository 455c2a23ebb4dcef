package io.persistor.spi;

/**
 * Writes a masked column's values: each value the backup reads becomes the one the file holds, so the original
 * never reaches it. Made by a {@link ColumnTransformerProvider} for a {@link io.persistor.Mask}; called from the
 * backup's reading threads at once, so implementations must be thread-safe.
 */
public interface ColumnTransformer {

    /**
     * Masks one value.
     *
     * @param value  the value's text output as the server printed it (ISO dates), or {@code null} for NULL
     * @param rowKey the row's primary key values (the whole row's without one), tab-separated, for transformers
     *               whose output depends on the row
     * @return the value to write, as the column type's text input, or {@code null} for NULL
     * @throws IllegalArgumentException when the value cannot be masked; the backup fails, naming the column but
     *                                  never the value
     */
    String transform(String value, String rowKey);

    /**
     * Whether distinct values always give distinct results, so a unique constraint on the column still holds.
     *
     * @return {@code false} unless the transformer promises it
     */
    default boolean keepsDistinct() {
        return false;
    }

    /**
     * Whether the result depends on the row as well as the value; such a transformer cannot mask the columns of a
     * foreign key, whose two ends must mask alike.
     *
     * @return {@code false} unless the result depends on {@code rowKey}
     */
    default boolean dependsOnRow() {
        return false;
    }
}
