package io.persistor.core.internal.ddl;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.Constraint;
import io.persistor.model.QualifiedName;
import io.persistor.model.Table;

/** {@code ALTER TABLE ... ADD CONSTRAINT} and the attaching of partitions' indexes to their parents'. */
public final class ConstraintDdl {

    private ConstraintDdl() {
    }

    /**
     * Adds a constraint. Keys go to the table only ({@code ONLY}), as their partitions' keys are added and attached
     * one by one; foreign keys and checks of a partitioned table go without {@code ONLY}, which PostgreSQL requires
     * and which creates the partitions' copies just as the source has them.
     *
     * @param table      the table
     * @param constraint one of its constraints
     * @return the statement, without the terminating semicolon
     */
    public static String add(Table table, Constraint constraint) {
        return add(table, constraint, constraint.isIndexBacked()
                || constraint.kind() == Constraint.Kind.FOREIGN_KEY && !table.partitioned());
    }

    /**
     * {@code ALTER TABLE ... ADD CONSTRAINT} on a table whose partitions exist: a partitioned table's key, unique or
     * exclusion constraint is given to its partitions as well (their own are made or taken over), so its index is
     * whole and valid.
     *
     * @param table      the table
     * @param constraint one of its constraints
     * @return the statement, without the terminating semicolon
     */
    public static String addWithPartitions(Table table, Constraint constraint) {
        return table.partitioned() && constraint.isIndexBacked() ? add(table, constraint, false)
                : add(table, constraint);
    }

    private static String add(Table table, Constraint constraint, boolean only) {
        return "ALTER TABLE " + (only ? "ONLY " : "") + qualified(table.name()) + " ADD CONSTRAINT "
                + identifier(constraint.name()) + " " + constraint.definition();
    }

    /**
     * Makes a partition's index part of its parent's index.
     *
     * @param parentIndex the partitioned table's index
     * @param childIndex  the partition's index, in the partition's schema
     * @return the statement, without the terminating semicolon
     */
    public static String attachIndex(QualifiedName parentIndex, QualifiedName childIndex) {
        return "ALTER INDEX " + qualified(parentIndex) + " ATTACH PARTITION " + qualified(childIndex);
    }
}
