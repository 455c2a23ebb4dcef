package io.persistor.core.internal.backup;

import io.persistor.Persistor;
import io.persistor.core.internal.data.TableData;
import io.persistor.core.internal.ddl.ConstraintDdl;
import io.persistor.core.internal.ddl.SequenceDdl;
import io.persistor.core.internal.ddl.TableDdl;
import io.persistor.core.internal.ddl.TypeDdl;
import io.persistor.core.internal.script.ScriptLayout;
import io.persistor.core.internal.script.ScriptWriter;
import io.persistor.model.Catalog;
import io.persistor.model.Column;
import io.persistor.model.Constraint;
import io.persistor.model.EnumType;
import io.persistor.model.Index;
import io.persistor.model.QualifiedName;
import io.persistor.model.Sequence;
import io.persistor.model.Table;
import io.persistor.spi.BackupPlan;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes the script in pg_dump's order of sections: pre-data creates schemas, types, sequences and tables;
 * data loads the rows; post-data sets sequence values and adds keys, indexes and foreign keys, so rows load
 * without checks against other tables and a non-superuser owner can restore the file.
 */
final class BackupScript {

    private final Catalog catalog;
    private final BackupSelection selection;
    private final BackupPlan plan;
    private final ScriptWriter out;
    private long rows;

    BackupScript(Catalog catalog, BackupSelection selection, BackupPlan plan, ScriptWriter out) {
        this.catalog = catalog;
        this.selection = selection;
        this.plan = plan;
        this.out = out;
    }

    /** Writes the whole script; returns the number of rows written. */
    long write(Connection connection) throws IOException, SQLException {
        header();
        preData();
        data(connection);
        postData();
        out.closingMarker();
        return rows;
    }

    private void header() throws IOException {
        out.comment("");
        out.comment("Persistor backup");
        out.comment("Source: PostgreSQL " + catalog.serverVersion() + ", database " + catalog.database());
        out.comment("Taken: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        out.comment("Persistor: " + Persistor.version());
        out.comment("Options: schemas " + selection.schemas()
                + ", tables " + (plan.tables().isEmpty() ? "all" : plan.tables())
                + ", rows per insert " + plan.rowsPerInsert()
                + (plan.replicaSessionRole() ? ", session_replication_role replica" : ""));
        for (String note : selection.notes()) {
            out.comment("Note: " + note);
        }
        out.comment("");
        out.blankLine();
        for (String setting : ScriptLayout.SESSION_SETTINGS) {
            out.statement(setting);
        }
        if (plan.replicaSessionRole()) {
            out.statement("SET session_replication_role = replica");
        }
    }

    private void preData() throws IOException {
        section(ScriptLayout.PRE_DATA);
        for (String schema : selection.schemas()) {
            out.statement(TypeDdl.createSchema(schema));
        }
        for (EnumType type : selection.enumTypes()) {
            out.statement(TypeDdl.createEnum(type));
        }
        for (Sequence sequence : selection.sequences()) {
            out.statement(SequenceDdl.create(sequence));
        }
        for (Table table : selection.tables()) {
            out.statement(TableDdl.create(table));
        }
        for (Sequence sequence : selection.sequences()) {
            if (sequence.ownedBy() != null && isSelected(sequence.ownedBy().table())) {
                out.statement(SequenceDdl.ownedBy(sequence));
            }
        }
    }

    private void data(Connection connection) throws IOException, SQLException {
        section(ScriptLayout.DATA);
        for (Table table : selection.tables()) {
            out.comment("Data for " + table.name());
            try {
                rows += TableData.writeInserts(connection, table, plan.rowsPerInsert(), out.raw());
            } catch (SQLException e) {
                throw new TableReadException(table, e);
            }
            out.blankLine();
        }
    }

    private void postData() throws IOException {
        section(ScriptLayout.POST_DATA);
        for (Sequence sequence : selection.sequences()) {
            out.statement(SequenceDdl.setValue(sequence));
        }
        for (Table table : selection.tables()) {
            for (Column column : table.columns()) {
                if (column.identity() != null) {
                    out.statement(SequenceDdl.setValue(column.identity().sequence()));
                }
            }
        }
        addConstraints(List.of(Constraint.Kind.PRIMARY_KEY, Constraint.Kind.UNIQUE, Constraint.Kind.EXCLUSION));
        for (Table table : selection.tables()) {
            for (Index index : table.indexes()) {
                out.statement(index.definition());
            }
        }
        addConstraints(List.of(Constraint.Kind.FOREIGN_KEY, Constraint.Kind.CHECK));
        if (plan.replicaSessionRole()) {
            out.statement("RESET session_replication_role");
        }
    }

    private void addConstraints(List<Constraint.Kind> kinds) throws IOException {
        for (Table table : selection.tables()) {
            for (Constraint constraint : table.constraints()) {
                if (kinds.contains(constraint.kind()) && !TableDdl.isInline(constraint)) {
                    out.statement(ConstraintDdl.add(table, constraint));
                }
            }
        }
    }

    private boolean isSelected(QualifiedName table) {
        return selection.tables().stream().anyMatch(t -> t.name().equals(table));
    }

    private void section(String title) throws IOException {
        out.comment("");
        out.comment(title);
        out.comment("");
        out.blankLine();
    }
}
