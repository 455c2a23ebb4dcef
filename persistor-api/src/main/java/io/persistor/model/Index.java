package io.persistor.model;

/**
 * An index that no constraint creates.
 *
 * @param name       its name
 * @param definition the full {@code CREATE INDEX} statement as {@code pg_get_indexdef} renders it
 */
public record Index(String name, String definition) {
}
