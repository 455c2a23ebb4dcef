package io.persistor.model;

/**
 * A sequence: its parameters and its current state.
 *
 * @param name      its qualified name
 * @param dataType  {@code smallint}, {@code integer} or {@code bigint}
 * @param start     the start value
 * @param increment the increment, negative for descending sequences
 * @param minValue  the minimum value
 * @param maxValue  the maximum value
 * @param cache     how many values are cached
 * @param cycle     whether it wraps around
 * @param unlogged  whether it is unlogged (PostgreSQL 15 and later)
 * @param state     its last value, or {@code null} when the reading role may not see it
 * @param ownedBy   the column that owns it, or {@code null}
 * @param comment   its comment, or {@code null}
 */
public record Sequence(QualifiedName name, String dataType, long start, long increment, long minValue, long maxValue,
                       long cache, boolean cycle, boolean unlogged, SequenceState state, ColumnReference ownedBy,
                       String comment) {

    /** @return the key other objects' dependencies name it by */
    public ObjectKey key() {
        return ObjectKey.relation(name);
    }
}
