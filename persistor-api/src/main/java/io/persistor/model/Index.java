package io.persistor.model;

/**
 * An index that no constraint creates.
 *
 * @param name       its name
 * @param definition the full {@code CREATE INDEX} statement as {@code pg_get_indexdef} renders it
 * @param attachedTo for a partition's index that belongs to its parent's index, that index; otherwise {@code null}
 * @param comment    its comment, or {@code null}
 */
public record Index(String name, String definition, QualifiedName attachedTo, String comment) {
}
