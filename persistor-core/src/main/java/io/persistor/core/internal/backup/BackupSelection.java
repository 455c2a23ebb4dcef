package io.persistor.core.internal.backup;

import io.persistor.PersistorException;
import io.persistor.model.Catalog;
import io.persistor.model.Constraint;
import io.persistor.model.EnumType;
import io.persistor.model.QualifiedName;
import io.persistor.model.Schema;
import io.persistor.model.Sequence;
import io.persistor.model.Table;
import io.persistor.spi.BackupPlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The objects one backup writes: every object of the chosen schemas, or, when tables are named, those tables
 * with the sequences they own or use. Foreign keys to tables outside the backup are left out, with a note,
 * because the script could not create them.
 *
 * @param schemas   the schemas to create
 * @param enumTypes the enum types to create
 * @param sequences the sequences to create (identity sequences come with their columns)
 * @param tables    the tables to create and fill
 * @param notes     what the script's header should tell its reader
 */
record BackupSelection(List<String> schemas, List<EnumType> enumTypes, List<Sequence> sequences, List<Table> tables,
                       List<String> notes) {

    static BackupSelection of(Catalog catalog, BackupPlan plan) {
        List<EnumType> enums = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        for (Schema schema : catalog.schemas()) {
            enums.addAll(schema.enumTypes());
            sequences.addAll(schema.sequences());
            tables.addAll(schema.tables());
        }
        if (!plan.tables().isEmpty()) {
            tables = chosenTables(tables, plan);
            Set<QualifiedName> chosen = tables.stream().map(Table::name).collect(Collectors.toSet());
            Set<QualifiedName> used = tables.stream().flatMap(t -> t.sequencesUsed().stream()).collect(Collectors.toSet());
            sequences = sequences.stream()
                    .filter(s -> used.contains(s.name()) || s.ownedBy() != null && chosen.contains(s.ownedBy().table()))
                    .collect(Collectors.toList());
        }
        List<String> notes = new ArrayList<>();
        List<Table> kept = withoutDanglingForeignKeys(tables, notes);
        return new BackupSelection(plan.schemas(), enums, sequences, kept, notes);
    }

    private static List<Table> chosenTables(List<Table> tables, BackupPlan plan) {
        List<Table> chosen = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>(plan.tables());
        for (Table table : tables) {
            if (plan.tables().contains(table.name().name())) {
                chosen.add(table);
                missing.remove(table.name().name());
            }
        }
        if (!missing.isEmpty()) {
            throw new PersistorException("tables(...) names tables that do not exist in schema " + plan.schemas()
                    + " or that the role cannot see: " + String.join(", ", missing)
                    + ". Names are case-sensitive and given without quotes.");
        }
        return chosen;
    }

    private static List<Table> withoutDanglingForeignKeys(List<Table> tables, List<String> notes) {
        Set<QualifiedName> present = tables.stream().map(Table::name).collect(Collectors.toSet());
        List<Table> result = new ArrayList<>();
        for (Table table : tables) {
            List<Constraint> constraints = new ArrayList<>();
            for (Constraint constraint : table.constraints()) {
                if (constraint.kind() == Constraint.Kind.FOREIGN_KEY && !present.contains(constraint.referencedTable())) {
                    notes.add("Foreign key " + constraint.name() + " on " + table.name() + " is left out: it references "
                            + constraint.referencedTable() + ", which is not in this backup.");
                } else {
                    constraints.add(constraint);
                }
            }
            result.add(new Table(table.name(), table.columns(), constraints, table.indexes(), table.sequencesUsed()));
        }
        return result;
    }
}
