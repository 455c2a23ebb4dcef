package io.persistor.model;

/**
 * Where a sequence stands.
 *
 * @param lastValue the last value it returned, or the value {@code nextval} returns next if not {@code called}
 * @param called    whether {@code nextval} has returned {@code lastValue} already
 */
public record SequenceState(long lastValue, boolean called) {
}
