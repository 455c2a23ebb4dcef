package io.persistor.core.internal.backup;

import io.persistor.PersistorException;
import io.persistor.model.QualifiedName;
import io.persistor.model.Table;
import java.util.List;
import java.util.Map;

/** Finds the table an option names (as {@code schema.table} or a name found in one schema only) and its partition tree. */
final class TableNames {

    private TableNames() {
    }

    /**
     * The table a name means.
     *
     * @param name   {@code schema.table} or {@code table}, as the catalog spells them
     * @param tables the tables the backup writes
     * @param option the option that names it, for the message
     * @return the table's name
     * @throws PersistorException when it names no table the backup writes, or several
     */
    static QualifiedName resolve(String name, Map<QualifiedName, Table> tables, String option) {
        List<QualifiedName> found = tables.keySet().stream()
                .filter(table -> name.equals(table.schema() + "." + table.name()) || name.equals(table.name()))
                .toList();
        if (found.size() != 1) {
            throw new PersistorException("Invalid backup options: " + option + "(\"" + name + "\", ...) names "
                    + (found.isEmpty() ? "no table the backup writes" : "several tables: " + found
                    + "; write schema.table"));
        }
        return found.get(0);
    }

    /**
     * The top of a table's partition tree among the backup's tables.
     *
     * @param table  a table the backup writes
     * @param tables the tables the backup writes
     * @return the partitioned table at the top of its tree, or the table itself
     */
    static QualifiedName root(QualifiedName table, Map<QualifiedName, Table> tables) {
        QualifiedName current = table;
        Table found = tables.get(current);
        while (found != null && found.partitionOf() != null && tables.containsKey(found.partitionOf().parent())) {
            current = found.partitionOf().parent();
            found = tables.get(current);
        }
        return current;
    }
}
