package io.persistor.core.internal.backup;

import io.persistor.model.Constraint;
import io.persistor.model.Table;
import java.util.ArrayList;
import java.util.List;

/** The columns of a table's keys, read from their definitions. */
final class KeyColumns {

    private KeyColumns() {
    }

    /**
     * The columns of a table's primary key.
     *
     * @param table the table
     * @return its columns, in the key's order; empty without one
     */
    static List<String> primaryKey(Table table) {
        return table.constraints().stream().filter(c -> c.kind() == Constraint.Kind.PRIMARY_KEY).findFirst()
                .map(KeyColumns::of).orElse(List.of());
    }

    /**
     * The columns of a primary key or unique constraint: those of {@code PRIMARY KEY (a, "b c")}, as the catalog
     * spells them.
     *
     * @param key the constraint
     * @return its columns, in its order
     */
    static List<String> of(Constraint key) {
        String definition = key.definition();
        String list = definition.substring(definition.indexOf('(') + 1, definition.indexOf(')'));
        List<String> columns = new ArrayList<>();
        for (String part : list.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String column = part.strip();
            columns.add(column.startsWith("\"") ? column.substring(1, column.length() - 1).replace("\"\"", "\"")
                    : column);
        }
        return columns;
    }
}
