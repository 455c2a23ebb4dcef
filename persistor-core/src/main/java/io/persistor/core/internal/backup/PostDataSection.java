package io.persistor.core.internal.backup;

import io.persistor.core.internal.ddl.CommentDdl;
import io.persistor.core.internal.ddl.ConstraintDdl;
import io.persistor.core.internal.ddl.CreationOrder;
import io.persistor.core.internal.ddl.PrivilegeDdl;
import io.persistor.core.internal.ddl.SecurityDdl;
import io.persistor.core.internal.ddl.SequenceDdl;
import io.persistor.core.internal.ddl.StatisticsDdl;
import io.persistor.core.internal.ddl.SuperuserOnly;
import io.persistor.core.internal.ddl.TableDdl;
import io.persistor.core.internal.ddl.TypeDdl;
import io.persistor.core.internal.ddl.ViewDdl;
import io.persistor.core.internal.script.ScriptWriter;
import io.persistor.core.internal.script.SqlQuote;
import io.persistor.model.Catalog;
import io.persistor.model.Column;
import io.persistor.model.Constraint;
import io.persistor.model.DefinedObject;
import io.persistor.model.DomainType;
import io.persistor.model.Index;
import io.persistor.model.Policy;
import io.persistor.model.Privileges;
import io.persistor.model.QualifiedName;
import io.persistor.model.Rule;
import io.persistor.model.Sequence;
import io.persistor.model.StatisticsObject;
import io.persistor.model.Table;
import io.persistor.model.Trigger;
import io.persistor.model.View;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The post-data section, everything that would slow the load or change the rows if it existed earlier: sequence
 * values; keys (a partition's attached to its parent's), indexes and foreign keys (a partition's copy of its parent's
 * under its own name, taken over by the parent's); checks added {@code NOT VALID};
 * the queries of views that need a key (created as placeholders before); triggers and their firing state; rules; row-level security and policies; extended statistics; and last the
 * refresh of materialized views, in dependency order; and, when asked for, owners and access privileges.
 */
final class PostDataSection {

    private final Catalog catalog;
    private final List<Table> tables;
    private final List<View> views;
    private final Set<CreationOrder.CheckReference> deferredChecks;
    private final boolean privileges;
    private final ScriptWriter out;

    /**
     * @param catalog        the selection
     * @param tables         its tables in creation order, parents first
     * @param views          its views in creation order
     * @param deferredChecks check constraints the pre-data section left out of their tables
     * @param privileges     whether to write owners and access privileges
     * @param out            the script
     */
    PostDataSection(Catalog catalog, List<Table> tables, List<View> views,
                    Set<CreationOrder.CheckReference> deferredChecks, boolean privileges, ScriptWriter out) {
        this.catalog = catalog;
        this.tables = tables;
        this.views = views;
        this.deferredChecks = deferredChecks;
        this.privileges = privileges;
        this.out = out;
    }

    /** Sets every sequence, standalone or behind an identity column, to its value in the source. */
    void sequenceValues() throws IOException {
        for (Sequence sequence : catalog.sequences()) {
            out.statement(SequenceDdl.setValue(sequence));
        }
        for (Table table : tables) {
            for (Column column : table.columns()) {
                if (column.identity() != null && column.identity().sequence() != null) {
                    out.statement(SequenceDdl.setValue(column.identity().sequence()));
                }
            }
        }
    }

    /** Fills the materialized views the source has filled, in creation order. */
    void refreshes() throws IOException {
        for (View view : views) {
            if (view.materialized() && view.populated()) {
                out.statement(ViewDdl.refresh(view));
            }
        }
    }

    /**
     * Writes the section.
     *
     * @param withData whether the script carries rows: then sequence values are set and materialized views refreshed
     */
    void write(boolean withData) throws IOException {
        if (withData) {
            sequenceValues();
        }
        for (Table table : tables) {
            for (Constraint constraint : table.constraints()) {
                if (constraint.isIndexBacked() && (constraint.local() || constraint.attachedTo() != null)) {
                    out.statement(ConstraintDdl.add(table, constraint));
                    attach(constraint.attachedTo(), table.name(), constraint.name());
                    memberComment("CONSTRAINT", constraint.name(), table.name(), constraint.comment());
                    if (constraint.indexComment() != null) {
                        // The index takes the constraint's name.
                        out.statement(CommentDdl.on("INDEX", new QualifiedName(table.name().schema(),
                                constraint.name()), constraint.indexComment()));
                    }
                }
            }
        }
        for (Table table : tables) {
            indexes(table.name(), table.indexes());
        }
        // A partition's copy of its parent's foreign key under another name than the parent's is added first, the
        // deepest partitions first: adding the parent's key then takes it over rather than making one of its name.
        Map<QualifiedName, Table> byName = new HashMap<>();
        tables.forEach(table -> byName.put(table.name(), table));
        for (int i = tables.size() - 1; i >= 0; i--) {
            Table table = tables.get(i);
            Table parent = table.partitionOf() == null ? null : byName.get(table.partitionOf().parent());
            for (Constraint constraint : table.constraints()) {
                if (constraint.kind() == Constraint.Kind.FOREIGN_KEY && !constraint.local() && parent != null
                        && parent.constraints().stream().noneMatch(key -> key.name().equals(constraint.name())
                                && key.definition().equals(constraint.definition()))) {
                    out.statement(ConstraintDdl.add(table, constraint));
                }
            }
        }
        for (Table table : tables) {
            for (Constraint constraint : table.constraints()) {
                boolean later = constraint.kind() == Constraint.Kind.FOREIGN_KEY
                        || constraint.kind() == Constraint.Kind.NOT_NULL
                        || constraint.kind() == Constraint.Kind.CHECK && (!TableDdl.isInline(constraint)
                        || deferredChecks.contains(new CreationOrder.CheckReference(table.name(), constraint.name())));
                if (later && constraint.local()) {
                    out.statement(ConstraintDdl.add(table, constraint));
                }
                if (constraint.local() && constraint.kind() != Constraint.Kind.TRIGGER && !constraint.isIndexBacked()) {
                    memberComment("CONSTRAINT", constraint.name(), table.name(), constraint.comment());
                }
            }
        }
        validateInheritedNotNulls();
        // Once every NOT NULL constraint exists, those a parent adds after the data included.
        for (Table table : tables) {
            for (Column column : table.columns()) {
                if (column.notNullComment() != null) {
                    memberComment("CONSTRAINT", column.notNullName(), table.name(), column.notNullComment());
                }
            }
        }
        for (View view : views) {
            // Created as a placeholder in pre-data: its query needs a key that exists only now.
            if (view.reliesOnConstraint() && !view.materialized()) {
                out.statement(ViewDdl.replace(view));
            }
        }
        for (DomainType domain : catalog.domainTypes()) {
            for (Constraint constraint : domain.constraints()) {
                if (!constraint.validated()) {
                    out.statement(TypeDdl.addDomainConstraint(domain, constraint));
                }
                if (constraint.comment() != null) {
                    out.statement(CommentDdl.onMember("CONSTRAINT", constraint.name(),
                            "DOMAIN " + SqlQuote.qualified(domain.name()), constraint.comment()));
                }
            }
        }
        for (Table table : tables) {
            for (String statement : SecurityDdl.replication(table)) {
                out.statement(statement);
            }
            triggersAndRules(table.name(), table.triggers(), table.rules());
            for (String statement : SecurityDdl.rowSecurity(table)) {
                out.statement(statement);
            }
            for (Policy policy : table.policies()) {
                out.statement(SecurityDdl.createPolicy(table.name(), policy));
                memberComment("POLICY", policy.name(), table.name(), policy.comment());
            }
            for (StatisticsObject statistics : table.statistics()) {
                out.statement(statistics.definition());
                String target = StatisticsDdl.target(statistics);
                if (target != null) {
                    out.statement(target);
                }
                if (statistics.comment() != null) {
                    out.statement(CommentDdl.on("STATISTICS", statistics.name(), statistics.comment()));
                }
            }
        }
        // A partition's own firing state of its parent's trigger, once every parent's trigger exists.
        for (Table table : tables) {
            for (Trigger trigger : table.triggers()) {
                if (trigger.inherited()) {
                    out.statement(SecurityDdl.reenable(table.name(), trigger));
                    memberComment("TRIGGER", trigger.name(), table.name(), trigger.comment());
                }
            }
        }
        for (View view : views) {
            indexes(view.name(), view.indexes());
            if (view.clusterOn() != null) {
                out.statement(ViewDdl.clusterOn(view));
            }
            triggersAndRules(view.name(), view.triggers(), view.rules());
        }
        if (withData) {
            refreshes();
        }
        if (privileges) {
            for (Privileges object : catalog.privileges()) {
                for (String statement : PrivilegeDdl.statements(object)) {
                    out.statement(statement);
                }
            }
        }
        // Publications and event triggers last, as pg_dump: nothing of the restore fires an event trigger.
        for (DefinedObject object : catalog.definitions()) {
            if (object.stage() == DefinedObject.Stage.LAST) {
                for (String statement : SuperuserOnly.statements(object)) {
                    out.statement(statement);
                }
            }
        }
    }

    /**
     * Validates a child's copy of a {@code NOT NULL} that its parent has {@code NOT VALID} (PostgreSQL 18) but the
     * child has valid: adding the parent's constraint above reached the child unvalidated.
     */
    private void validateInheritedNotNulls() throws IOException {
        Map<QualifiedName, Table> byName = new HashMap<>();
        tables.forEach(table -> byName.put(table.name(), table));
        for (Table table : tables) {
            for (Column column : table.columns()) {
                if (!column.notNull() || column.notNullLocal() || column.notNullName() == null) {
                    continue;
                }
                boolean parentNotValid = table.inherits().stream().map(byName::get).filter(Objects::nonNull)
                        .flatMap(parent -> parent.constraints().stream())
                        .anyMatch(c -> c.kind() == Constraint.Kind.NOT_NULL && !c.validated()
                                && c.name().equals(column.notNullName()));
                // Another parent's valid NOT NULL, there from the start, already holds for the child.
                boolean validElsewhere = table.inherits().stream().map(byName::get).filter(Objects::nonNull)
                        .anyMatch(parent -> parent.columns().stream().anyMatch(c -> c.name().equals(column.name())
                                && c.notNull() && c.notNullName() != null && !c.notNullName().equals(column.notNullName())
                                && parent.constraints().stream().noneMatch(k -> k.kind() == Constraint.Kind.NOT_NULL
                                && k.name().equals(c.notNullName()))));
                if (parentNotValid && !validElsewhere) {
                    out.statement("ALTER TABLE ONLY " + SqlQuote.qualified(table.name()) + " VALIDATE CONSTRAINT "
                            + SqlQuote.identifier(column.notNullName()));
                }
            }
        }
    }

    private void indexes(QualifiedName relation, List<Index> indexes) throws IOException {
        for (Index index : indexes) {
            out.statement(index.definition());
            attach(index.attachedTo(), relation, index.name());
            if (index.comment() != null) {
                out.statement(CommentDdl.on("INDEX", new QualifiedName(relation.schema(), index.name()), index.comment()));
            }
        }
    }

    private void triggersAndRules(QualifiedName relation, List<Trigger> triggers, List<Rule> rules) throws IOException {
        for (Trigger trigger : triggers) {
            if (trigger.inherited()) {
                continue;
            }
            out.statement(trigger.definition());
            String firing = SecurityDdl.firing(relation, trigger);
            if (firing != null) {
                out.statement(firing);
            }
            memberComment("TRIGGER", trigger.name(), relation, trigger.comment());
        }
        for (Rule rule : rules) {
            out.statement(rule.definition());
            memberComment("RULE", rule.name(), relation, rule.comment());
        }
    }

    private void attach(QualifiedName parentIndex, QualifiedName table, String indexName) throws IOException {
        if (parentIndex != null) {
            out.statement(ConstraintDdl.attachIndex(parentIndex, new QualifiedName(table.schema(), indexName)));
        }
    }

    private void memberComment(String kind, String name, QualifiedName table, String comment) throws IOException {
        if (comment != null) {
            out.statement(CommentDdl.onMember(kind, name, SqlQuote.qualified(table), comment));
        }
    }
}
