package io.persistor.core.internal.restore;

import io.persistor.ObjectFilter;
import io.persistor.model.QualifiedName;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which statements of a script a selective restore runs. A statement about a table (its definition, data, keys,
 * indexes, triggers, comments, privileges, owned sequences) runs when the filter takes the table, or its
 * partitioned parent; a foreign key only when the table it references is taken too. Other objects (types,
 * routines, views, sequences of no table) run when the filter takes their schema and names no tables. A
 * {@code CREATE SCHEMA} runs for a schema taken whole, or one holding taken tables that the target lacks. Session
 * settings always run.
 */
final class RestoreSelection implements StatementGate {

    private final ObjectFilter filter;
    private final ScriptContents contents;
    private final List<ScriptObject> objects;
    private final Set<String> schemasToCreate;
    private final Set<QualifiedName> leftOutViews = new HashSet<>();

    /**
     * @param filter          what to take
     * @param contents        the script's contents, which tie sequences, indexes and partitions to tables
     * @param existingSchemas the schemas the target has already
     */
    RestoreSelection(ObjectFilter filter, ScriptContents contents, Set<String> existingSchemas) {
        this.filter = filter;
        this.contents = contents;
        this.objects = contents.objects();
        Set<String> needed = new LinkedHashSet<>();
        for (ScriptObject object : objects) {
            if (object.table() != null && takesTable(object.table())) {
                needed.add(object.table().schema());
            }
        }
        needed.removeAll(existingSchemas);
        this.schemasToCreate = needed;
        Set<QualifiedName> leftOutTables = new HashSet<>();
        for (ScriptObject object : objects) {
            if (object.kind().equals("TABLE") && object.name().equals(object.table())
                    && !takesTable(object.name())) {
                leftOutTables.add(object.name());
            }
        }
        // A view that reads a table (or view) left out is left out too: it could not be created.
        for (ScriptObject object : objects) {
            if ((object.kind().equals("VIEW") || object.kind().equals("MATERIALIZED VIEW"))
                    && contents.viewReads(object.name()).stream()
                    .anyMatch(read -> leftOutTables.contains(read) || leftOutViews.contains(read))) {
                leftOutViews.add(object.name());
            }
        }
    }

    @Override
    public Decision decide(String sql) {
        return takes(contents.resolve(StatementClassifier.classify(sql))) ? Decision.RUN : Decision.SKIP;
    }

    /**
     * The relations the restore creates, which must not exist in the target (or are dropped first): views first,
     * then tables, then sequences, the order they can be dropped in.
     *
     * @return each as {@code {kind, name}}
     */
    List<ScriptObject> createdRelations() {
        List<String> order = List.of("MATERIALIZED VIEW", "VIEW", "TABLE", "SEQUENCE");
        return objects.stream()
                .filter(o -> order.contains(o.kind()) && o.name() != null && takes(o))
                .filter(o -> !o.kind().equals("TABLE") || o.name().equals(o.table()))
                .distinct()
                .sorted((a, b) -> Integer.compare(order.indexOf(a.kind()), order.indexOf(b.kind())))
                .toList();
    }

    private boolean takes(ScriptObject object) {
        if (object == null) {
            return true;
        }
        if (object.table() != null) {
            if (!takesTable(object.table())) {
                return false;
            }
            if (object.kind().equals("TABLE DATA")) {
                return filter.takesTableData(object.table().schema(), object.table().name());
            }
            return !object.kind().equals("FK CONSTRAINT") || takesTable(object.references());
        }
        if (object.name() == null) {
            return !filter.includesTables() && !filter.includesSchemas();
        }
        if (leftOutViews.contains(object.name())) {
            return false;
        }
        if (object.kind().equals("SCHEMA")) {
            String schema = object.name().name();
            return schemasToCreate.contains(schema) || (!filter.includesTables() && filter.takesSchema(schema));
        }
        return !filter.includesTables() && filter.takesSchema(object.name().schema());
    }

    private boolean takesTable(QualifiedName table) {
        for (QualifiedName current = table; current != null; current = contents.parent(current)) {
            if (filter.takesTable(current.schema(), current.name())) {
                return true;
            }
        }
        return false;
    }
}
