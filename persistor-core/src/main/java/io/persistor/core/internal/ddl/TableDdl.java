package io.persistor.core.internal.ddl;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.Column;
import io.persistor.model.Constraint;
import io.persistor.model.Identity;
import io.persistor.model.QualifiedName;
import io.persistor.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code CREATE TABLE} for ordinary, partitioned, partition and inheriting tables, with the column properties that
 * must follow it. Keys, foreign keys and indexes come later from {@link ConstraintDdl}.
 */
public final class TableDdl {

    private TableDdl() {
    }

    /**
     * Whether a constraint belongs inside {@code CREATE TABLE}: a validated, local check holds for every row the
     * data section loads, so it can guard them from the start.
     *
     * @param constraint the constraint
     * @return {@code true} for validated local check constraints
     */
    public static boolean isInline(Constraint constraint) {
        return constraint.kind() == Constraint.Kind.CHECK && constraint.validated() && constraint.local();
    }

    /**
     * The {@code CREATE TABLE} statement. Columns a table has only through its parents are not repeated; defaults
     * listed in {@code deferredDefaults} are left for {@link #setDefault}.
     *
     * @param table            the table
     * @param deferredDefaults columns whose defaults are set after every routine exists
     * @return the statement, without the terminating semicolon
     */
    public static String create(Table table, Set<String> deferredDefaults) {
        return create(table, deferredDefaults, Map.of(), table.partitionOf() != null);
    }

    /**
     * The {@code CREATE TABLE} statement of a table whose parents are known: a partition then keeps the names of
     * its own {@code NOT NULL} constraints (PostgreSQL 18) where they differ from its parent's.
     *
     * @param table            the table
     * @param deferredDefaults columns whose defaults are set after every routine exists
     * @param parentColumns    the columns of its first parent that has each column, by name
     * @return the statement, without the terminating semicolon
     */
    public static String create(Table table, Set<String> deferredDefaults, Map<String, Column> parentColumns) {
        return create(table, deferredDefaults, parentColumns, table.partitionOf() != null);
    }

    /**
     * The {@code CREATE TABLE} statement of a partition whose columns are in another order than its parent's (it was
     * attached after it was created): all its columns in its own order, without {@code PARTITION OF}; follow it with
     * {@link #attach}.
     *
     * @param table            the partition
     * @param deferredDefaults columns whose defaults are set after every routine exists
     * @return the statement, without the terminating semicolon
     */
    public static String createDetached(Table table, Set<String> deferredDefaults) {
        return create(table, deferredDefaults, Map.of(), false);
    }

    private static String create(Table table, Set<String> deferredDefaults, Map<String, Column> parentColumns,
                                 boolean partitionOf) {
        boolean detached = table.partitionOf() != null && !partitionOf;
        boolean typed = table.ofType() != null && !partitionOf;
        List<String> elements = new ArrayList<>();
        for (Column column : table.columns()) {
            if (typed) {
                // A typed table's columns are its type's: only their options are given.
                String options = typedColumnOptions(column, deferredDefaults.contains(column.name()));
                if (!options.isEmpty()) {
                    elements.add(identifier(column.name()) + " WITH OPTIONS" + options);
                }
            } else if (detached || column.local() && !partitionOf) {
                Column parent = parentColumns.get(column.name());
                // A child computing a column as its parent does inherits the expression: PostgreSQL 15 and older
                // refuse a child that repeats it.
                boolean inheritsGeneration = !detached && column.generated() != null && parent != null
                        && column.generated().equals(parent.generated());
                elements.add(column(column, deferredDefaults.contains(column.name()), !inheritsGeneration));
            } else if (partitionOf) {
                Column parent = parentColumns.get(column.name());
                String options = "";
                if (column.generated() != null && parent != null && parent.generated() != null
                        && !column.generated().equals(parent.generated())) {
                    // PostgreSQL 18 lets a partition compute a generated column its own way.
                    options += " " + generation(column);
                }
                if (column.notNullLocal() && ownNotNullName(column, parent)) {
                    options += " CONSTRAINT " + identifier(column.notNullName()) + " NOT NULL";
                }
                if (!options.isEmpty()) {
                    elements.add(identifier(column.name()) + " WITH OPTIONS" + options);
                }
            }
        }
        for (Column column : table.columns()) {
            if (!typed && !partitionOf && namesInheritedNotNull(table, column)) {
                elements.add("CONSTRAINT " + identifier(column.notNullName()) + " NOT NULL " + identifier(column.name()));
            }
        }
        for (Constraint constraint : table.constraints()) {
            // A partition to be attached must already have its parent's checks, which it then shares.
            boolean inherited = detached && constraint.kind() == Constraint.Kind.CHECK && constraint.validated();
            if (isInline(constraint) || inherited) {
                elements.add("CONSTRAINT " + identifier(constraint.name()) + " " + constraint.definition());
            }
        }
        StringBuilder sql = new StringBuilder("CREATE ").append(table.unlogged() ? "UNLOGGED " : "").append("TABLE ")
                .append(qualified(table.name()));
        if (partitionOf) {
            sql.append(" PARTITION OF ").append(qualified(table.partitionOf().parent()));
            if (!elements.isEmpty()) {
                sql.append(" (\n    ").append(String.join(",\n    ", elements)).append("\n)");
            }
            sql.append(' ').append(table.partitionOf().bound());
        } else if (typed) {
            sql.append(" OF ").append(table.ofType());
            if (!elements.isEmpty()) {
                sql.append(" (\n    ").append(String.join(",\n    ", elements)).append("\n)");
            }
        } else {
            sql.append(" (");
            if (!elements.isEmpty()) {
                sql.append("\n    ").append(String.join(",\n    ", elements)).append('\n');
            }
            sql.append(')');
            if (!table.inherits().isEmpty()) {
                sql.append(" INHERITS (").append(table.inherits().stream().map(p -> qualified(p))
                        .collect(Collectors.joining(", "))).append(')');
            }
        }
        if (table.partitionKey() != null) {
            sql.append(" PARTITION BY ").append(table.partitionKey());
        }
        if (table.accessMethod() != null) {
            sql.append(" USING ").append(identifier(table.accessMethod()));
        }
        if (!table.options().isEmpty()) {
            sql.append(" WITH (").append(String.join(", ", table.options())).append(')');
        }
        return sql.toString();
    }

    /**
     * Whether {@code PARTITION OF} recreates a partition: it keeps its parent's column order, and has no
     * {@code NOT NULL} constraint of its own name that it only inherits (PostgreSQL 18). A partition that was
     * created on its own and attached later is recreated the same way.
     *
     * @param partition a partition
     * @param parent    its partitioned table
     * @return {@code true} if {@code PARTITION OF} gives the same partition
     */
    public static boolean recreatedAsPartitionOf(Table partition, Table parent) {
        if (!partition.columns().stream().map(Column::name).toList()
                .equals(parent.columns().stream().map(Column::name).toList())) {
            return false;
        }
        Map<String, Column> parentColumns = new HashMap<>();
        parent.columns().forEach(c -> parentColumns.put(c.name(), c));
        return partition.columns().stream()
                .noneMatch(c -> !c.notNullLocal() && ownNotNullName(c, parentColumns.get(c.name())));
    }

    /**
     * Attaches a partition that was created on its own.
     *
     * @param table a partition
     * @return the statement, without the terminating semicolon
     */
    public static String attach(Table table) {
        return "ALTER TABLE " + qualified(table.partitionOf().parent()) + " ATTACH PARTITION " + qualified(table.name())
                + " " + table.partitionOf().bound();
    }

    /**
     * The statements that give columns inherited from parents (or partition parents) the properties they have
     * here but not there: a different default or none, {@code NOT NULL}; and every column its non-default storage.
     *
     * @param table            the table
     * @param parentColumns    the columns of its first parent that has each column, by name
     * @param deferredDefaults columns whose defaults are set later
     * @return the statements, without terminating semicolons
     */
    public static List<String> columnFixups(Table table, Map<String, Column> parentColumns,
                                            Set<String> deferredDefaults) {
        List<String> statements = new ArrayList<>();
        for (Column column : table.columns()) {
            boolean declared = column.local() && table.partitionOf() == null;
            Column parent = parentColumns.get(column.name());
            if (!declared && parent != null) {
                if (column.defaultExpression() != null && !deferredDefaults.contains(column.name())
                        && !column.defaultExpression().equals(parent.defaultExpression())) {
                    statements.add(setDefault(table.name(), column));
                }
                if (!Objects.equals(column.compression(), parent.compression())) {
                    // An inherited column takes its parent's compression.
                    statements.add(alterColumn(table.name(), column, "SET COMPRESSION "
                            + (column.compression() == null ? "default" : column.compression())));
                }
                if (column.defaultExpression() == null && parent.defaultExpression() != null) {
                    // The parent's default came after this table: it was never inherited.
                    statements.add(alterColumn(table.name(), column, "DROP DEFAULT"));
                }
                // Not when the column only inherits it (PostgreSQL 18): the parent's constraint, if added later
                // as NOT VALID, reaches it then.
                if (column.notNull() && !parent.notNull() && column.notNullLocal()
                        && !(table.partitionOf() != null && ownNotNullName(column, parent))
                        && !namesInheritedNotNull(table, column)) {
                    statements.add(alterColumn(table.name(), column, "SET NOT NULL"));
                }
            }
            if (column.storage() != null) {
                statements.add(alterColumn(table.name(), column, "SET STORAGE " + column.storage()));
            }
            if (column.statisticsTarget() != null) {
                statements.add(alterColumn(table.name(), column, "SET STATISTICS " + column.statisticsTarget()));
            }
            if (column.options() != null) {
                statements.add(alterColumn(table.name(), column, "SET (" + column.options() + ")"));
            }
        }
        return statements;
    }

    /**
     * Whether an inheritance child declares a {@code NOT NULL} of its own (PostgreSQL 18) on a column it only
     * inherits: written as a table constraint, which keeps the child's name and makes the constraint local.
     */
    private static boolean namesInheritedNotNull(Table table, Column column) {
        return table.partitionOf() == null && table.ofType() == null && !table.inherits().isEmpty() && !column.local()
                && column.notNull() && column.notNullLocal() && column.notNullName() != null
                && table.constraints().stream().noneMatch(c -> c.kind() == Constraint.Kind.NOT_NULL
                && c.name().equals(column.notNullName()));
    }

    private static String typedColumnOptions(Column column, boolean deferDefault) {
        String options = "";
        if (column.defaultExpression() != null && !deferDefault) {
            options += " DEFAULT " + column.defaultExpression();
        }
        if (column.notNullName() != null) {
            options += " CONSTRAINT " + identifier(column.notNullName()) + " NOT NULL";
        } else if (column.notNull()) {
            options += " NOT NULL";
        }
        return options;
    }

    private static String generation(Column column) {
        return "GENERATED ALWAYS AS (" + column.generated().expression()
                + (column.generated().stored() ? ") STORED" : ") VIRTUAL");
    }

    /** Whether a partition's column has a {@code NOT NULL} constraint named otherwise than its parent's. */
    private static boolean ownNotNullName(Column column, Column parent) {
        return column.notNullName() != null && (parent == null || !column.notNullName().equals(parent.notNullName()));
    }

    /**
     * Sets a column's default with {@code ALTER TABLE ONLY}.
     *
     * @param table  the table or view
     * @param column the column
     * @return the statement, without the terminating semicolon
     */
    public static String setDefault(QualifiedName table, Column column) {
        return alterColumn(table, column, "SET DEFAULT " + column.defaultExpression());
    }

    private static String alterColumn(QualifiedName table, Column column, String action) {
        return "ALTER TABLE ONLY " + qualified(table) + " ALTER COLUMN " + identifier(column.name()) + " " + action;
    }

    /**
     * A column's definition as {@code CREATE TABLE} and {@code ALTER TABLE ... ADD COLUMN} take it.
     *
     * @param column the column
     * @return {@code "name" type [COLLATE ...] [DEFAULT ...] [NOT NULL]}
     */
    public static String columnDefinition(Column column) {
        return column(column, false);
    }

    private static String column(Column column, boolean deferDefault) {
        return column(column, deferDefault, true);
    }

    private static String column(Column column, boolean deferDefault, boolean withGeneration) {
        StringBuilder sql = new StringBuilder(identifier(column.name())).append(' ').append(column.type());
        if (column.compression() != null) {
            sql.append(" COMPRESSION ").append(column.compression());
        }
        if (column.collation() != null) {
            sql.append(" COLLATE ").append(column.collation());
        }
        if (column.generated() != null) {
            if (withGeneration) {
                sql.append(' ').append(generation(column));
            }
        } else if (column.defaultExpression() != null && !deferDefault) {
            sql.append(" DEFAULT ").append(column.defaultExpression());
        }
        Identity identity = column.identity();
        // A partition's identity column uses its parent's sequence (PostgreSQL 17+): attaching gives it back.
        if (identity != null && identity.sequence() != null) {
            sql.append(' ').append(identity(identity));
        }
        if (column.notNullName() != null) {
            sql.append(" CONSTRAINT ").append(identifier(column.notNullName())).append(" NOT NULL");
        } else if (column.notNull()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /**
     * An identity column's clause, with its sequence's name and parameters.
     *
     * @param identity the column's identity, with its sequence
     * @return for example {@code GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME ... START WITH 1 ...)}
     */
    public static String identity(Identity identity) {
        return "GENERATED " + identityGeneration(identity.generation()) + " AS IDENTITY (SEQUENCE NAME "
                + qualified(identity.sequence().name()) + " " + SequenceDdl.options(identity.sequence()) + ")";
    }

    /**
     * The keywords of an identity's kind.
     *
     * @param generation the kind
     * @return {@code ALWAYS} or {@code BY DEFAULT}
     */
    public static String identityGeneration(Identity.Generation generation) {
        return generation == Identity.Generation.ALWAYS ? "ALWAYS" : "BY DEFAULT";
    }
}
