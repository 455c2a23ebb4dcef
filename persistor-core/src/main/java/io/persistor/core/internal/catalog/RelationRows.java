package io.persistor.core.internal.catalog;

import static io.persistor.core.internal.catalog.Rows.name;
import static io.persistor.core.internal.catalog.Rows.table;

import io.persistor.model.Column;
import io.persistor.model.ColumnReference;
import io.persistor.model.Constraint;
import io.persistor.model.Generated;
import io.persistor.model.Identity;
import io.persistor.model.Index;
import io.persistor.model.PartitionOf;
import io.persistor.model.Policy;
import io.persistor.model.QualifiedName;
import io.persistor.model.ReplicaIdentity;
import io.persistor.model.Rule;
import io.persistor.model.Sequence;
import io.persistor.model.StatisticsObject;
import io.persistor.model.Table;
import io.persistor.model.Trigger;
import io.persistor.model.View;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads tables and views with everything attached to them: columns, constraints, indexes, triggers, rules, policies. */
final class RelationRows {

    private final Map<QualifiedName, List<Column>> columns;
    private final Map<QualifiedName, List<Constraint>> constraints;
    private final Map<QualifiedName, List<Index>> indexes;
    private final Map<QualifiedName, List<Trigger>> triggers;
    private final Map<QualifiedName, List<Rule>> rules;
    private final Map<QualifiedName, List<Policy>> policies;
    private final Map<QualifiedName, List<StatisticsObject>> statistics;

    RelationRows(CatalogQueries queries, Map<ColumnReference, Sequence> identitySequences) throws SQLException {
        columns = Rows.group(queries.list("columns.sql",
                row -> new Rows.Owned<>(table(row), column(row, identitySequences))));
        constraints = Rows.group(queries.list("constraints.sql",
                row -> new Rows.Owned<>(table(row), constraint(row))));
        indexes = Rows.group(queries.list("indexes.sql", row -> new Rows.Owned<>(table(row),
                new Index(row.getString("index_name"), row.getString("definition"),
                        name(row, "attached_schema", "attached_index"), row.getString("comment")))));
        triggers = Rows.group(queries.list("triggers.sql", row -> new Rows.Owned<>(table(row),
                new Trigger(row.getString("trigger_name"), row.getString("definition"), firing(row.getString("enabled")),
                        row.getString("comment"), row.getBoolean("inherited")))));
        rules = Rows.group(queries.list("rules.sql", row -> new Rows.Owned<>(table(row),
                new Rule(row.getString("rule_name"), withoutSemicolon(row.getString("definition")),
                        row.getString("comment")))));
        policies = Rows.group(queries.list("policies.sql", row -> new Rows.Owned<>(table(row),
                new Policy(row.getString("policy_name"), row.getBoolean("permissive"), row.getString("command"),
                        Rows.strings(row, "roles"), row.getString("using_expression"),
                        row.getString("check_expression"), row.getString("comment")))));
        statistics = Rows.group(queries.list("statistics.sql", row -> new Rows.Owned<>(table(row),
                new StatisticsObject(name(row, "statistics_schema", "statistics_name"), row.getString("definition"),
                        row.getObject("target", Integer.class), row.getString("comment")))));
    }

    List<Table> tables(CatalogQueries queries) throws SQLException {
        return queries.list("tables.sql", row -> {
            QualifiedName name = table(row);
            QualifiedName parent = name(row, "parent_schema", "parent_table");
            List<String> parentSchemas = Rows.strings(row, "inherits_schemas");
            List<String> parentTables = Rows.strings(row, "inherits_tables");
            List<QualifiedName> inherits = new ArrayList<>();
            for (int i = 0; i < parentTables.size(); i++) {
                inherits.add(new QualifiedName(parentSchemas.get(i), parentTables.get(i)));
            }
            return new Table(name, row.getBoolean("partitioned"), row.getBoolean("unlogged"),
                    Rows.strings(row, "options"), row.getString("partition_key"),
                    parent == null ? null : new PartitionOf(parent, row.getString("partition_bound")), inherits,
                    row.getString("of_type"), of(columns, name), of(constraints, name), of(indexes, name), of(triggers, name), of(rules, name),
                    of(policies, name), of(statistics, name), row.getBoolean("row_security"),
                    row.getBoolean("force_row_security"), replicaIdentity(row), row.getString("cluster_on"),
                    row.getString("comment"), row.getString("access_method"));
        });
    }

    List<View> views(CatalogQueries queries) throws SQLException {
        return queries.list("views.sql", row -> {
            QualifiedName name = name(row, "schema_name", "view_name");
            return new View(name, row.getBoolean("materialized"), row.getBoolean("populated"),
                    Rows.strings(row, "options"), withoutSemicolon(row.getString("query")), of(columns, name),
                    of(indexes, name), of(triggers, name), of(rules, name), row.getString("cluster_on"),
                    row.getString("comment"), row.getBoolean("self_referencing"),
                    row.getBoolean("relies_on_constraint"), row.getString("access_method"));
        });
    }

    private static ReplicaIdentity replicaIdentity(ResultSet row) throws SQLException {
        String kind = row.getString("replica_identity");
        return kind == null ? null : new ReplicaIdentity(kind, row.getString("replica_index"));
    }

    private static <T> List<T> of(Map<QualifiedName, List<T>> map, QualifiedName name) {
        return map.getOrDefault(name, List.of());
    }

    private static Column column(ResultSet row, Map<ColumnReference, Sequence> identitySequences) throws SQLException {
        QualifiedName table = table(row);
        String name = row.getString("column_name");
        String identityKind = row.getString("identity");
        Identity identity = null;
        if (!identityKind.isEmpty()) {
            // A partition's identity column draws on its partitioned table's sequence, so has none of its own.
            Sequence sequence = identitySequences.get(new ColumnReference(table, name));
            identity = new Identity("a".equals(identityKind) ? Identity.Generation.ALWAYS
                    : Identity.Generation.BY_DEFAULT, sequence);
        }
        String generatedKind = row.getString("generated");
        String expression = row.getString("default_expression");
        Generated generated = generatedKind.isEmpty() ? null : new Generated(expression, "s".equals(generatedKind));
        return new Column(name, row.getString("data_type"), row.getBoolean("not_null"),
                row.getString("not_null_name"), row.getBoolean("not_null_local"), generated == null ? expression : null, generated, identity, row.getString("collation"),
                row.getString("storage"), row.getString("compression"),
                row.getObject("statistics_target", Integer.class), row.getString("options"), row.getBoolean("local"),
                row.getString("comment"), row.getString("not_null_comment"));
    }

    private static Constraint constraint(ResultSet row) throws SQLException {
        return new Constraint(row.getString("constraint_name"), kind(row.getString("kind")),
                row.getString("definition"), row.getBoolean("validated"),
                name(row, "referenced_schema", "referenced_table"), row.getBoolean("local"),
                name(row, "attached_schema", "attached_index"), row.getString("comment"),
                row.getString("index_comment"));
    }

    private static Constraint.Kind kind(String contype) {
        switch (contype) {
            case "p": return Constraint.Kind.PRIMARY_KEY;
            case "u": return Constraint.Kind.UNIQUE;
            case "c": return Constraint.Kind.CHECK;
            case "f": return Constraint.Kind.FOREIGN_KEY;
            case "x": return Constraint.Kind.EXCLUSION;
            case "t": return Constraint.Kind.TRIGGER;
            case "n": return Constraint.Kind.NOT_NULL;
            default: throw new IllegalArgumentException("Unexpected constraint type " + contype);
        }
    }

    private static Trigger.Firing firing(String tgenabled) {
        switch (tgenabled) {
            case "D": return Trigger.Firing.DISABLED;
            case "R": return Trigger.Firing.REPLICA;
            case "A": return Trigger.Firing.ALWAYS;
            default: return Trigger.Firing.ORIGIN;
        }
    }

    private static String withoutSemicolon(String sql) {
        String trimmed = sql.strip();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1).stripTrailing() : trimmed;
    }
}
