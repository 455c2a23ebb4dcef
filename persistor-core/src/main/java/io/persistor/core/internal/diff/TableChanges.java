package io.persistor.core.internal.diff;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.Hazard;
import io.persistor.MigrationStep.Lock;
import io.persistor.core.internal.ddl.TableDdl;
import io.persistor.model.QualifiedName;
import io.persistor.model.ReplicaIdentity;
import io.persistor.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The in-place {@code ALTER TABLE} statements for a table's own properties: logging, storage options, row-level
 * security, replica identity, clustering index, inheritance parents and the partition it is attached to. A table
 * partitioned differently or made of another type has no such statement and is reported, never dropped.
 */
final class TableChanges {

    private final StepList steps;

    TableChanges(StepList steps) {
        this.steps = steps;
    }

    void write(SchemaComparer.Change change) {
        Table table = (Table) change.sourceSide().source();
        Table current = (Table) change.targetSide().source();
        String alter = "ALTER TABLE ONLY " + qualified(table.name()) + " ";
        for (String detail : change.details()) {
            String property = detail.substring(0, detail.indexOf(':'));
            switch (property) {
                case "unlogged" -> steps.add(alter + (table.unlogged() ? "SET UNLOGGED" : "SET LOGGED"),
                        Lock.ACCESS_EXCLUSIVE, Hazard.TABLE_REWRITE);
                case "options" -> options(alter, table.options(), current.options());
                case "access method" -> steps.add(alter + "SET ACCESS METHOD "
                        + identifier(table.accessMethod() == null ? "heap" : table.accessMethod()),
                        Lock.ACCESS_EXCLUSIVE, Hazard.TABLE_REWRITE);
                case "row security" -> steps.add(alter + (table.rowSecurity() ? "ENABLE" : "DISABLE")
                        + " ROW LEVEL SECURITY", Lock.ACCESS_EXCLUSIVE);
                case "force row security" -> steps.add(alter + (table.forceRowSecurity() ? "FORCE" : "NO FORCE")
                        + " ROW LEVEL SECURITY", Lock.ACCESS_EXCLUSIVE);
                case "replica identity" -> {
                    ReplicaIdentity identity = table.replicaIdentity();
                    String kind = identity == null ? "DEFAULT" : "INDEX".equals(identity.kind())
                            ? "USING INDEX " + identifier(identity.index()) : identity.kind();
                    steps.add(alter + "REPLICA IDENTITY " + kind, Lock.ACCESS_EXCLUSIVE);
                }
                case "cluster on" -> steps.add(alter + (table.clusterOn() == null ? "SET WITHOUT CLUSTER"
                        : "CLUSTER ON " + identifier(table.clusterOn())), Lock.SHARE_UPDATE_EXCLUSIVE);
                case "inherits" -> inherits(table, current);
                case "partition of" -> partitionOf(table, current);
                case "comment" -> { } // set with the other comments
                default -> steps.leaveOut("-- table " + change.sourceSide().name() + " " + detail, Lock.NONE, Set.of(),
                        "no statement makes this change in place; recreating the table would lose its rows");
            }
        }
    }

    private void options(String alter, List<String> options, List<String> current) {
        List<String> reset = new ArrayList<>();
        for (String option : current) {
            String name = option.substring(0, option.indexOf('='));
            if (options.stream().noneMatch(o -> o.startsWith(name + "="))) {
                reset.add(name);
            }
        }
        if (!reset.isEmpty()) {
            steps.add(alter + "RESET (" + String.join(", ", reset) + ")", Lock.SHARE_UPDATE_EXCLUSIVE);
        }
        if (!options.isEmpty()) {
            steps.add(alter + "SET (" + String.join(", ", options) + ")", Lock.SHARE_UPDATE_EXCLUSIVE);
        }
    }

    private void inherits(Table table, Table current) {
        String alter = "ALTER TABLE " + qualified(table.name());
        for (QualifiedName parent : current.inherits()) {
            if (!table.inherits().contains(parent)) {
                steps.add(alter + " NO INHERIT " + qualified(parent), Lock.ACCESS_EXCLUSIVE);
            }
        }
        for (QualifiedName parent : table.inherits()) {
            if (!current.inherits().contains(parent)) {
                steps.add(alter + " INHERIT " + qualified(parent), Lock.ACCESS_EXCLUSIVE, Hazard.MAY_FAIL_ON_DATA);
            }
        }
    }

    private void partitionOf(Table table, Table current) {
        if (current.partitionOf() != null) {
            steps.add("ALTER TABLE " + qualified(current.partitionOf().parent()) + " DETACH PARTITION "
                    + qualified(table.name()), Lock.ACCESS_EXCLUSIVE);
        }
        if (table.partitionOf() != null) {
            steps.add(TableDdl.attach(table), Lock.SHARE_UPDATE_EXCLUSIVE, Hazard.FULL_SCAN, Hazard.MAY_FAIL_ON_DATA);
        }
    }
}
