package io.persistor.core.internal.backup;

import io.persistor.Format;
import io.persistor.Persistor;
import io.persistor.core.internal.data.TableData;
import io.persistor.core.internal.ddl.SecurityDdl;
import io.persistor.core.internal.data.ValueRenderers;
import io.persistor.core.internal.script.RestoreNeed;
import io.persistor.core.internal.script.ScriptLayout;
import io.persistor.core.internal.script.ScriptWriter;
import io.persistor.model.Catalog;
import io.persistor.model.Constraint;
import io.persistor.model.QualifiedName;
import io.persistor.model.Table;
import io.persistor.model.Trigger;
import io.persistor.model.View;
import io.persistor.spi.BackupPlan;
import io.persistor.spi.SubsetPlan;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the script in pg_dump's order of sections: a header, then pre-data ({@link PreDataSection}), the rows and
 * large objects ({@link LargeObjectSection}), and post-data ({@link PostDataSection}), so rows load before keys and
 * triggers exist and a non-superuser owner can restore the file. Ends with the manifest (each table's row count
 * and the script's SHA-256) and {@link ScriptLayout#CLOSING_MARKER}.
 */
final class BackupScript {

    private final Catalog catalog;
    private final List<String> notes;
    private final List<RestoreNeed> needs;
    private final BackupPlan plan;
    private final LargeObjectSection largeObjects;
    private final ScriptWriter out;
    private int tables;
    private Map<String, Long> rowsByTable = Map.of();
    private long rows;

    BackupScript(Catalog catalog, List<String> notes, List<RestoreNeed> needs, BackupPlan plan,
                 LargeObjectSection largeObjects, ScriptWriter out) {
        this.catalog = catalog;
        this.notes = List.copyOf(notes);
        this.needs = List.copyOf(needs);
        this.plan = plan;
        this.largeObjects = largeObjects;
        this.out = out;
    }

    /**
     * Writes the whole script, reading rows through the session and, in parallel, sessions that join it.
     *
     * @param sliceable whether large tables may be read in slices ({@link ServerInfo#sliceable()})
     */
    void write(SnapshotSession session, Map<String, ServerInfo.TableSize> sizes, boolean sliceable)
            throws IOException, SQLException {
        ColumnMasking masking = ColumnMasking.plan(session.connection(), plan.masking(), catalog.tables());
        header(masking.description());
        PreDataSection preData = new PreDataSection(catalog, out);
        List<Object> created;
        if (plan.dataOnly()) {
            created = preData.order();
        } else {
            section(ScriptLayout.PRE_DATA);
            created = preData.write();
        }
        List<Table> tablesInOrder = created.stream().filter(o -> o instanceof Table).map(o -> (Table) o)
                .collect(Collectors.toList());
        List<View> viewsInOrder = created.stream().filter(o -> o instanceof View).map(o -> (View) o)
                .collect(Collectors.toList());
        tables = tablesInOrder.size();
        if (!plan.schemaOnly()) {
            section(ScriptLayout.DATA);
            RowSubset subset = RowSubset.plan(session.connection(), plan.subset(), tablesInOrder);
            // A table whose data a filter file excludes keeps its definition and writes no row.
            Function<Table, String> keptRows = table -> plan.filter().takesTableData(table.name().schema(),
                    table.name().name()) ? subset.apply(table) : "false";
            TableData data = new TableData(plan.format(), plan.rowsPerInsert(), new ValueRenderers(plan.typeRenderers()),
                    keptRows, masking);
            if (plan.dataOnly()) {
                tablesInOrder = referencedFirst(tablesInOrder);
                triggers(tablesInOrder, SecurityDdl::disable);
            }
            DataSection dataSection = new DataSection(plan, data, out, session, sizes, sliceable);
            rows = dataSection.write(tablesInOrder);
            rowsByTable = dataSection.rowsByTable();
            if (plan.dataOnly()) {
                triggers(tablesInOrder, SecurityDdl::reenable);
            }
            largeObjects.write(session.connection(), out, plan.privileges());
        }
        section(ScriptLayout.POST_DATA);
        PostDataSection postData = new PostDataSection(catalog, tablesInOrder, viewsInOrder,
                preData.deferredChecks(), plan.privileges(), out);
        if (plan.dataOnly()) {
            postData.sequenceValues();
            postData.refreshes();
        } else {
            postData.write(!plan.schemaOnly());
        }
        if (plan.replicaSessionRole()) {
            out.statement("RESET session_replication_role");
        }
        out.manifest(rowsByTable);
        out.closingMarker();
    }

    int tables() {
        return tables;
    }

    long rows() {
        return rows;
    }

    private void header(List<String> masks) throws IOException {
        out.comment("");
        out.comment("Persistor backup");
        out.comment("Source: PostgreSQL " + catalog.serverVersion() + ", database " + catalog.database());
        if (!plan.reproducible()) {
            out.comment("Taken: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
        out.comment("Persistor: " + Persistor.version());
        out.comment("Options: schemas " + (plan.allSchemas() ? "all" : plan.schemas())
                + ", tables " + (plan.tables().isEmpty() ? "all" : plan.tables())
                + (plan.excludedTables().isEmpty() ? "" : ", excluding " + plan.excludedTables())
                + ", format " + plan.format().name().toLowerCase(Locale.ROOT)
                + (plan.format() == Format.INSERTS ? ", rows per insert " + plan.rowsPerInsert() : "")
                + (plan.parallelism() > 1 ? ", parallelism " + plan.parallelism() : "")
                + (plan.replicaSessionRole() ? ", session_replication_role replica" : "")
                + (plan.rowSecurity() ? ", row security enabled" : "")
                + (plan.privileges() ? ", owners and privileges" : "")
                + (plan.schemaOnly() ? ", schema only" : "") + (plan.dataOnly() ? ", data only" : ""));
        if (!plan.subset().isEmpty()) {
            SubsetPlan subset = plan.subset();
            out.comment(("Subset: " + (subset.where().isEmpty() ? "" : "where " + subset.where() + ", ")
                    + (subset.limits().isEmpty() ? "" : "limits " + subset.limits() + ", ")
                    + (subset.followForeignKeys() ? "rows they reference kept" : "foreign keys not followed")
                    + (subset.followReferencing() > 0 ? ", referencing rows to depth " + subset.followReferencing()
                    : "")).replaceAll("[\\r\\n]+", " "));
        }
        if (!plan.filter().isEmpty()) {
            out.comment(("Filter: " + plan.filter()).replaceAll("[\\r\\n]+", " "));
        }
        if (!masks.isEmpty()) {
            out.comment("Masked: " + String.join(", ", masks).replaceAll("[\\r\\n]+", " "));
        }
        if (largeObjects.count() > 0) {
            out.comment(ScriptLayout.LARGE_OBJECTS + largeObjects.count());
        }
        for (String note : notes) {
            out.comment("Note: " + note);
        }
        for (RestoreNeed need : needs) {
            out.comment(need.headerLine());
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

    /**
     * In a data-only script the foreign keys are in force: tables come after the tables they reference (but for
     * cycles, which such a script cannot load), a partitioned table's partitions counting as the table; otherwise
     * in creation order.
     */
    private static List<Table> referencedFirst(List<Table> tables) {
        Map<QualifiedName, List<Table>> holders = new LinkedHashMap<>();
        for (Table table : tables) {
            holders.computeIfAbsent(table.name(), k -> new ArrayList<>()).add(table);
            if (table.partitionOf() != null) {
                holders.computeIfAbsent(table.partitionOf().parent(), k -> new ArrayList<>()).add(table);
            }
        }
        Set<QualifiedName> visited = new HashSet<>();
        List<Table> sorted = new ArrayList<>();
        for (Table table : tables) {
            visit(table, holders, visited, sorted);
        }
        return sorted;
    }

    private static void visit(Table table, Map<QualifiedName, List<Table>> holders, Set<QualifiedName> visited,
                              List<Table> sorted) {
        if (!visited.add(table.name())) {
            return;
        }
        for (Constraint constraint : table.constraints()) {
            if (constraint.kind() == Constraint.Kind.FOREIGN_KEY) {
                for (Table referenced : holders.getOrDefault(constraint.referencedTable(), List.of())) {
                    visit(referenced, holders, visited, sorted);
                }
            }
        }
        sorted.add(table);
    }

    /**
     * In a data-only script, the tables already have their triggers: each enabled one is disabled while rows load
     * (a table's owner may), and given back its state afterwards.
     */
    private void triggers(List<Table> tables, BiFunction<QualifiedName, Trigger, String> statement)
            throws IOException {
        // Disabling or enabling a parent's trigger reaches its partitions' copies, so a partition's own state of
        // one comes after the parents', whatever it is.
        for (Table table : tables) {
            for (Trigger trigger : table.triggers()) {
                if (!trigger.inherited() && trigger.enabled() != Trigger.Firing.DISABLED) {
                    out.statement(statement.apply(table.name(), trigger));
                }
            }
        }
        for (Table table : tables) {
            for (Trigger trigger : table.triggers()) {
                if (trigger.inherited()) {
                    out.statement(statement.apply(table.name(), trigger));
                }
            }
        }
    }

    private void section(String title) throws IOException {
        out.comment("");
        out.comment(title);
        out.comment("");
        out.blankLine();
    }
}
