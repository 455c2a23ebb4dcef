package io.persistor.core.internal.backup;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.literal;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.QualifiedName;
import io.persistor.model.Table;
import io.persistor.spi.SubsetPlan;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rows a subset backup keeps, computed by the server in the backup's snapshot: one recursive query gathers
 * the kept rows as (table, row position) pairs (the position as text, which every supported version can hash), starting from the rows that match each table's condition (or come
 * first in its limit) and adding, step by step, the rows that kept rows reference through foreign keys and, to a
 * depth, the rows that reference them; its {@code UNION} stops at rows already kept, so self-references and cycles
 * end. Each table linked by foreign keys to a table with a condition is then read as the rows that query keeps of
 * it (a TID scan); other tables are read whole. Nothing but {@code SELECT} is needed, and no temporary table.
 */
final class RowSubset implements Function<Table, String> {

    private static final RowSubset NONE = new RowSubset(Map.of());


    private final Map<QualifiedName, String> conditions;

    private RowSubset(Map<QualifiedName, String> conditions) {
        this.conditions = conditions;
    }

    /**
     * Plans a subset over the tables a backup writes.
     *
     * @param connection a connection in the backup's snapshot
     * @param plan       the conditions, limits and how far to follow foreign keys
     * @param tables     the tables the backup writes
     * @return the subset
     * @throws SQLException      when the foreign keys cannot be read
     * @throws PersistorException when a condition or limit names a table the backup does not write
     */
    static RowSubset plan(Connection connection, SubsetPlan plan, List<Table> tables) throws SQLException {
        if (plan.isEmpty()) {
            return NONE;
        }
        Map<QualifiedName, Table> byName = tables.stream().collect(Collectors.toMap(Table::name, t -> t,
                (a, b) -> a, LinkedHashMap::new));
        Map<QualifiedName, String> where = new LinkedHashMap<>();
        plan.where().forEach((name, condition) -> where.put(TableNames.resolve(name, byName, "where"), condition));
        Map<QualifiedName, Long> limits = new LinkedHashMap<>();
        plan.limits().forEach((name, rows) -> limits.put(TableNames.resolve(name, byName, "limit"), rows));
        List<ForeignKey> keys = plan.followForeignKeys() ? ForeignKey.among(connection, byName) : List.of();

        Set<QualifiedName> seeds = new HashSet<>(where.keySet());
        seeds.addAll(limits.keySet());
        boolean down = plan.followReferencing() > 0;
        Set<QualifiedName> linked = linked(seeds, keys, byName);
        Set<QualifiedName> reachable = reachable(seeds, keys, byName, down);
        List<String> starts = new ArrayList<>();
        for (QualifiedName seed : seeds.stream().sorted().toList()) {
            starts.add(start(byName.get(seed), where.get(seed), limits.get(seed)));
        }
        List<String> steps = new ArrayList<>();
        Set<QualifiedName> fed = new HashSet<>();
        for (ForeignKey key : keys) {
            QualifiedName child = TableNames.root(key.child(), byName);
            QualifiedName parent = TableNames.root(key.parent(), byName);
            if (reachable.contains(child)) {
                steps.add(upward(key, byName));
                fed.add(parent);
            }
            if (down && reachable.contains(parent)) {
                steps.add(downward(key, byName, plan.followReferencing()));
                fed.add(child);
            }
        }
        String kept = steps.isEmpty()
                ? "WITH kept(rel, tid, depth) AS (" + String.join(" UNION ALL ", starts) + ")"
                : "WITH RECURSIVE kept(rel, tid, depth) AS (" + String.join(" UNION ALL ", starts)
                        + " UNION SELECT s.rel, s.tid, s.depth FROM kept k CROSS JOIN LATERAL ("
                        + String.join(" UNION ALL ", steps) + ") s(rel, tid, depth))";
        Map<QualifiedName, String> conditions = new HashMap<>();
        for (Table table : tables) {
            QualifiedName node = TableNames.root(table.name(), byName);
            if (table.partitioned() || !linked.contains(node)) {
                continue;
            }
            if (!reachable.contains(node)) {
                // Linked to the subset, but no kept row leads here: its rows could reference rows left out.
                conditions.put(table.name(), "false");
            } else if (!fed.contains(node) && node.equals(table.name())) {
                // Only its own condition or limit picks its rows: no need for the recursive query.
                conditions.put(table.name(), own(table, where.get(node), limits.get(node)));
            } else {
                conditions.put(table.name(), "ctid = ANY (ARRAY(" + kept + " SELECT tid::pg_catalog.tid FROM kept "
                        + "WHERE rel = " + regclass(table.name()) + "))");
            }
        }
        return new RowSubset(conditions);
    }

    /**
     * The condition that picks a table's kept rows, read {@code FROM ONLY} the table.
     *
     * @param table a table the backup writes
     * @return the condition, or {@code null} when the table is read whole
     */
    @Override
    public String apply(Table table) {
        return conditions.get(table.name());
    }



    /** The partition trees linked to the seeds' by foreign keys, in either direction, the seeds' own included. */
    private static Set<QualifiedName> linked(Set<QualifiedName> seeds, List<ForeignKey> keys,
            Map<QualifiedName, Table> tables) {
        Map<QualifiedName, Set<QualifiedName>> neighbours = new HashMap<>();
        for (ForeignKey key : keys) {
            QualifiedName child = TableNames.root(key.child(), tables);
            QualifiedName parent = TableNames.root(key.parent(), tables);
            neighbours.computeIfAbsent(child, n -> new HashSet<>()).add(parent);
            neighbours.computeIfAbsent(parent, n -> new HashSet<>()).add(child);
        }
        Set<QualifiedName> linked = new HashSet<>();
        Deque<QualifiedName> next = new ArrayDeque<>();
        seeds.forEach(seed -> next.add(TableNames.root(seed, tables)));
        while (!next.isEmpty()) {
            QualifiedName table = next.poll();
            if (linked.add(table)) {
                next.addAll(neighbours.getOrDefault(table, Set.of()));
            }
        }
        return linked;
    }

    /**
     * The partition trees whose rows a kept row can lead to: those of the seeds, those their rows reference
     * (transitively) and, when referencing rows are followed, those referencing them, and so on.
     */
    private static Set<QualifiedName> reachable(Set<QualifiedName> seeds, List<ForeignKey> keys,
            Map<QualifiedName, Table> tables, boolean down) {
        Map<QualifiedName, Set<QualifiedName>> next = new HashMap<>();
        for (ForeignKey key : keys) {
            QualifiedName child = TableNames.root(key.child(), tables);
            QualifiedName parent = TableNames.root(key.parent(), tables);
            next.computeIfAbsent(child, n -> new HashSet<>()).add(parent);
            if (down) {
                next.computeIfAbsent(parent, n -> new HashSet<>()).add(child);
            }
        }
        Set<QualifiedName> reachable = new HashSet<>();
        Deque<QualifiedName> pending = new ArrayDeque<>();
        seeds.forEach(seed -> pending.add(TableNames.root(seed, tables)));
        while (!pending.isEmpty()) {
            QualifiedName table = pending.poll();
            if (reachable.add(table)) {
                pending.addAll(next.getOrDefault(table, Set.of()));
            }
        }
        return reachable;
    }

    /** The condition of a table whose rows only its own condition and limit pick. */
    private static String own(Table table, String condition, Long limit) {
        if (limit == null) {
            return "(" + condition + ")";
        }
        return "ctid = ANY (ARRAY(SELECT t.ctid FROM " + from(table) + " t"
                + (condition == null ? "" : " WHERE (" + condition + ")") + order(table) + " LIMIT " + limit + "))";
    }


    /** The rows a seed table starts with: its condition's, the first of its limit. */
    private static String start(Table table, String condition, Long limit) {
        StringBuilder sql = new StringBuilder("(SELECT t.tableoid, t.ctid::text, 0 FROM ").append(from(table)).append(" t");
        if (condition != null) {
            sql.append(" WHERE (").append(condition).append(")");
        }
        if (limit != null) {
            sql.append(order(table)).append(" LIMIT ").append(limit);
        }
        return sql.append(")").toString();
    }

    /** The order a limit takes rows in: the primary key's, else the physical one. */
    private static String order(Table table) {
        List<String> key = KeyColumns.primaryKey(table);
        return " ORDER BY " + (key.isEmpty() ? "t.ctid" : key.stream().map(c -> "t." + identifier(c))
                .collect(Collectors.joining(", ")));
    }


    /** Reads a table's own rows, or a partitioned table's partitions' rows. */
    private static String from(Table table) {
        return (table.partitioned() ? "" : "ONLY ") + qualified(table.name());
    }

    private static String regclass(QualifiedName table) {
        return literal(qualified(table)) + "::pg_catalog.regclass";
    }

    /** The kept child row's parent row; only kept rows of the child's tables take this step. */
    private static String upward(ForeignKey key, Map<QualifiedName, Table> tables) {
        return "SELECT p.tableoid, p.ctid::text, k.depth FROM " + from(tables.get(key.child())) + " c JOIN "
                + from(tables.get(key.parent())) + " p ON " + join(key) + " WHERE " + among(key.child(), tables)
                + " AND c.tableoid = k.rel AND c.ctid = k.tid::pg_catalog.tid";
    }

    /** The kept parent row's child rows, one step further down. */
    private static String downward(ForeignKey key, Map<QualifiedName, Table> tables, int depth) {
        return "SELECT c.tableoid, c.ctid::text, k.depth + 1 FROM " + from(tables.get(key.parent())) + " p JOIN "
                + from(tables.get(key.child())) + " c ON " + join(key) + " WHERE k.depth < " + depth + " AND "
                + among(key.parent(), tables) + " AND p.tableoid = k.rel AND p.ctid = k.tid::pg_catalog.tid";
    }

    /** Whether the kept row is in this table or one of its partitions: a test the planner makes once. */
    private static String among(QualifiedName relation, Map<QualifiedName, Table> tables) {
        List<String> rows = tables.values().stream().filter(t -> !t.partitioned())
                .filter(t -> below(t, relation, tables)).map(t -> regclass(t.name())).toList();
        return rows.isEmpty() ? "false" : "k.rel = ANY (ARRAY[" + String.join(", ", rows) + "]::pg_catalog.oid[])";
    }

    private static boolean below(Table table, QualifiedName relation, Map<QualifiedName, Table> tables) {
        for (Table current = table; current != null; current = current.partitionOf() == null ? null
                : tables.get(current.partitionOf().parent())) {
            if (current.name().equals(relation)) {
                return true;
            }
        }
        return false;
    }

    private static String join(ForeignKey key) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
            pairs.add("p." + identifier(key.referenced().get(i)) + " = c." + identifier(key.columns().get(i)));
        }
        return String.join(" AND ", pairs);
    }
}
