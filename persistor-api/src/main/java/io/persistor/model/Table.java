package io.persistor.model;

import java.util.List;

/**
 * An ordinary or partitioned table with everything attached to it.
 *
 * @param name             its qualified name
 * @param partitioned      whether it is a partitioned table (its rows live in its partitions)
 * @param unlogged         whether it is unlogged
 * @param options          its storage parameters, as {@code name=value} strings
 * @param partitionKey     for a partitioned table its key as {@code pg_get_partkeydef} renders it, otherwise {@code null}
 * @param partitionOf      for a partition its parent and bounds, otherwise {@code null}
 * @param inherits         the parents it inherits from with {@code INHERITS}, in order; empty for partitions
 * @param ofType           for a typed table ({@code CREATE TABLE ... OF}) its composite type, otherwise {@code null}
 * @param columns          its columns in position order (dropped columns left out)
 * @param constraints      its constraints, ordered by name
 * @param indexes          its indexes that no constraint creates, ordered by name
 * @param triggers         its triggers, ordered by name
 * @param rules            its rules, ordered by name
 * @param policies         its row-level security policies, ordered by name
 * @param statistics       its extended statistics objects, ordered by name
 * @param rowSecurity      whether row-level security is enabled
 * @param forceRowSecurity whether it applies to the owner too
 * @param replicaIdentity  what logical replication logs of old rows, when not the default (the primary key);
 *                         otherwise {@code null}
 * @param clusterOn        the index {@code CLUSTER} uses, or {@code null}
 * @param comment          its comment, or {@code null}
 * @param accessMethod     its table access method when not {@code heap} (PostgreSQL's own), otherwise {@code null};
 *                         {@code heap} too where leaving it out would give another method: a partitioned table that
 *                         names it, and a partition of one that names another (PostgreSQL 17 and later)
 */
public record Table(QualifiedName name, boolean partitioned, boolean unlogged, List<String> options,
                    String partitionKey, PartitionOf partitionOf, List<QualifiedName> inherits, String ofType,
                    List<Column> columns,
                    List<Constraint> constraints, List<Index> indexes, List<Trigger> triggers, List<Rule> rules,
                    List<Policy> policies, List<StatisticsObject> statistics, boolean rowSecurity,
                    boolean forceRowSecurity, ReplicaIdentity replicaIdentity, String clusterOn, String comment,
                    String accessMethod) {

    /** Copies the lists. */
    public Table {
        options = List.copyOf(options);
        inherits = List.copyOf(inherits);
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
        triggers = List.copyOf(triggers);
        rules = List.copyOf(rules);
        policies = List.copyOf(policies);
        statistics = List.copyOf(statistics);
    }

    /** @return the key other objects' dependencies name it by */
    public ObjectKey key() {
        return ObjectKey.relation(name);
    }

    /**
     * A copy with other constraints.
     *
     * @param replacement the constraints
     * @return the copy
     */
    public Table withConstraints(List<Constraint> replacement) {
        return new Table(name, partitioned, unlogged, options, partitionKey, partitionOf, inherits, ofType, columns,
                replacement,
                indexes, triggers, rules, policies, statistics, rowSecurity, forceRowSecurity, replicaIdentity, clusterOn,
                comment, accessMethod);
    }
}
