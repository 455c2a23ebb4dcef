package io.persistor.core.internal.ddl;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.Constraint;
import io.persistor.model.Table;

/** {@code ALTER TABLE ... ADD CONSTRAINT} for the constraints the post-data section adds after the rows. */
public final class ConstraintDdl {

    private ConstraintDdl() {
    }

    /**
     * Adds a constraint to a table (and only to it, not to inheriting tables).
     *
     * @param table      the table
     * @param constraint one of its constraints
     * @return the statement, without the terminating semicolon
     */
    public static String add(Table table, Constraint constraint) {
        return "ALTER TABLE ONLY " + qualified(table.name()) + " ADD CONSTRAINT " + identifier(constraint.name()) + " "
                + constraint.definition();
    }
}
