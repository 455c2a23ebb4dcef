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
 * @param lastValue the last value it returned (or its start value if none was returned yet)
 * @param called    whether {@code nextval} has been called since the last value was set
 * @param ownedBy   the column that owns it, or {@code null}
 */
public record Sequence(QualifiedName name, String dataType, long start, long increment, long minValue, long maxValue,
                       long cache, boolean cycle, long lastValue, boolean called, ColumnReference ownedBy) {
}
