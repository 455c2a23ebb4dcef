package io.persistor.model;

/**
 * Where a partition sits.
 *
 * @param parent the partitioned table
 * @param bound  its bounds as {@code pg_get_expr(relpartbound)} renders them, e.g. {@code FOR VALUES FROM (1) TO (10)}
 *               or {@code DEFAULT}
 */
public record PartitionOf(QualifiedName parent, String bound) {
}
