package io.persistor.core.internal.diff;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.literal;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.Difference;
import io.persistor.core.internal.ddl.CastDdl;
import io.persistor.core.internal.ddl.CommentDdl;
import io.persistor.core.internal.ddl.ConstraintDdl;
import io.persistor.core.internal.ddl.OperatorDdl;
import io.persistor.core.internal.ddl.SecurityDdl;
import io.persistor.core.internal.ddl.SequenceDdl;
import io.persistor.core.internal.ddl.StatisticsDdl;
import io.persistor.core.internal.ddl.TableDdl;
import io.persistor.core.internal.ddl.TextSearchDdl;
import io.persistor.core.internal.ddl.TypeDdl;
import io.persistor.core.internal.ddl.ViewDdl;
import io.persistor.model.Cast;
import io.persistor.model.Catalog;
import io.persistor.model.Collation;
import io.persistor.model.Column;
import io.persistor.model.CompositeType;
import io.persistor.model.Constraint;
import io.persistor.model.DomainType;
import io.persistor.model.EnumType;
import io.persistor.model.Extension;
import io.persistor.model.Index;
import io.persistor.model.Operator;
import io.persistor.model.Policy;
import io.persistor.model.QualifiedName;
import io.persistor.model.RangeType;
import io.persistor.model.Routine;
import io.persistor.model.Rule;
import io.persistor.model.Schema;
import io.persistor.model.Sequence;
import io.persistor.model.StatisticsObject;
import io.persistor.model.Table;
import io.persistor.model.TextSearchConfiguration;
import io.persistor.model.TextSearchDictionary;
import io.persistor.model.Trigger;
import io.persistor.model.View;
import io.persistor.spi.DiffPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the statements that make the target match the source: creations and changes in creation order, then
 * drops in reverse; when it creates functions or procedures, it first turns off the checking of their bodies.
 * Statements that lose data (dropping tables, columns, schemas, sequences or types, changing a column's type) are
 * written as {@code -- HAZARD:} comments unless destructive statements are allowed; changes no statement can make
 * safely are written as {@code -- MANUAL:} comments.
 */
final class MigrationWriter {

    private final DiffPlan plan;
    private final Catalog source;
    private final List<String> statements = new ArrayList<>();
    /** Whether it creates or replaces a function or procedure. */
    private boolean writesRoutines;
    /** What the tables created here need every new table for: their foreign keys and rules. */
    private final List<String> afterTables = new ArrayList<>();

    MigrationWriter(Catalog source, DiffPlan plan) {
        this.source = source;
        this.plan = plan;
    }

    List<String> write(List<SchemaComparer.Change> changes) {
        // Views that change are dropped first: a column they read may change type below.
        for (SchemaComparer.Change change : changes) {
            if (change.change() == Difference.Change.DIFFERENT && change.sourceSide().source() instanceof View view
                    && !onlyClusterOrComment(change)) {
                add("DROP " + ViewDdl.kind(view) + " IF EXISTS " + qualified(view.name()) + " CASCADE");
            }
        }
        for (SchemaComparer.Change change : changes) {
            if (change.change() != Difference.Change.EXTRA_IN_TARGET) {
                createOrAlter(change);
            }
        }
        afterTables.forEach(this::add);
        // A materialized view created again is marked for CLUSTER once its indexes exist again.
        for (SchemaComparer.Change change : changes) {
            if (change.change() != Difference.Change.EXTRA_IN_TARGET
                    && change.sourceSide().source() instanceof View view && view.clusterOn() != null
                    && (change.change() == Difference.Change.MISSING_IN_TARGET || !onlyClusterOrComment(change))) {
                add(ViewDdl.clusterOn(view));
            }
        }
        // A sequence can belong to its column only once both exist.
        for (SchemaComparer.Change change : changes) {
            if (change.sourceSide() != null && change.sourceSide().source() instanceof Sequence sequence
                    && sequence.ownedBy() != null && (change.change() == Difference.Change.MISSING_IN_TARGET
                    || change.details().stream().anyMatch(d -> d.startsWith("owned by:")))) {
                add(SequenceDdl.ownedBy(sequence));
            }
        }
        for (int i = changes.size() - 1; i >= 0; i--) {
            SchemaComparer.Change change = changes.get(i);
            if (change.change() == Difference.Change.EXTRA_IN_TARGET) {
                drop(change.targetSide());
            }
        }
        if (writesRoutines) {
            // A body may read a table created after it, as in a backup's pre-data section.
            statements.add(0, "SET check_function_bodies = false;");
        }
        return statements.stream().map(this::mapSchemas).toList();
    }

    /** Whether a materialized view differs only in its {@code CLUSTER ON} mark (and perhaps its comment). */
    private static boolean onlyClusterOrComment(SchemaComparer.Change change) {
        return change.details().stream().allMatch(d -> d.startsWith("cluster on:") || d.startsWith("comment:"));
    }

    private void createOrAlter(SchemaComparer.Change change) {
        boolean missing = change.change() == Difference.Change.MISSING_IN_TARGET;
        Described described = change.sourceSide();
        Object object = described.source();
        String comment = described.properties().get("comment");
        boolean commentChanged = change.details().stream().anyMatch(d -> d.startsWith("comment:"));
        if (!missing && change.details().stream().allMatch(d -> d.startsWith("comment:"))) {
            comment(described, comment);
            return;
        }
        if (object instanceof Schema schema) {
            add(TypeDdl.createSchema(schema.name()));
        } else if (object instanceof Extension extension) {
            TypeDdl.createExtension(extension).forEach(this::add);
            return; // with its comment
        } else if (object instanceof Collation collation) {
            recreate(missing, "COLLATION " + qualified(collation.name()), TypeDdl.createCollation(collation));
        } else if (object instanceof Cast cast) {
            recreate(missing, "CAST " + CastDdl.signature(cast), CastDdl.create(cast));
        } else if (object instanceof Operator operator) {
            recreate(missing, "OPERATOR " + OperatorDdl.signature(operator), OperatorDdl.create(operator));
        } else if (object instanceof TextSearchDictionary dictionary) {
            recreate(missing, "TEXT SEARCH DICTIONARY " + qualified(dictionary.name()),
                    TextSearchDdl.createDictionary(dictionary));
        } else if (object instanceof TextSearchConfiguration configuration) {
            recreate(missing, "TEXT SEARCH CONFIGURATION " + qualified(configuration.name()),
                    TextSearchDdl.createConfiguration(configuration).toArray(String[]::new));
        } else if (object instanceof EnumType type) {
            enumType(type, missing, change);
        } else if (object instanceof DomainType domain) {
            recreate(missing, "DOMAIN " + qualified(domain.name()), TypeDdl.createDomain(domain));
            for (Constraint constraint : domain.constraints()) {
                if (!constraint.validated()) {
                    add(TypeDdl.addDomainConstraint(domain, constraint));
                }
            }
        } else if (object instanceof CompositeType type) {
            recreate(missing, "TYPE " + qualified(type.name()), TypeDdl.createComposite(type));
        } else if (object instanceof RangeType type) {
            recreate(missing, "TYPE " + qualified(type.name()), TypeDdl.createRange(type));
        } else if (object instanceof Sequence sequence) {
            add(missing ? SequenceDdl.create(sequence)
                    : "ALTER SEQUENCE " + qualified(sequence.name()) + " AS " + sequence.dataType() + " "
                    + SequenceDdl.options(sequence).replace("START WITH", "START"));
        } else if (object instanceof Routine routine) {
            if (routine.kind() == Routine.Kind.AGGREGATE && !missing) {
                add("DROP AGGREGATE " + qualified(routine.name()) + "(" + routine.arguments() + ")");
            }
            if (routine.kind() != Routine.Kind.AGGREGATE) {
                writesRoutines = true;
            }
            add(routine.definition());
        } else if (object instanceof Table table) {
            if (missing) {
                createTable(table);
            } else {
                manual(change);
            }
        } else if (object instanceof CatalogDescriber.ColumnOf column) {
            column(column, missing, change);
        } else if (object instanceof View view && !missing && onlyClusterOrComment(change)) {
            add(ViewDdl.clusterOn(view));
        } else if (object instanceof View view) {
            add(ViewDdl.create(view));
            for (Column column : view.columns()) {
                if (column.defaultExpression() != null) {
                    add(ViewDdl.setDefault(view, column));
                }
                if (column.comment() != null) {
                    add(CommentDdl.onColumn(view.name(), column.name(), column.comment()));
                }
            }
            if (view.materialized() && view.populated()) {
                add(ViewDdl.refresh(view));
            }
        } else if (object instanceof CatalogDescriber.Member member) {
            if (!missing) {
                dropMember(member);
            }
            createMember(member);
        }
        if (comment != null || commentChanged) {
            comment(described, comment);
        }
    }

    private void enumType(EnumType type, boolean missing, SchemaComparer.Change change) {
        if (missing) {
            add(TypeDdl.createEnum(type));
            return;
        }
        EnumType current = (EnumType) change.targetSide().source();
        if (!type.labels().containsAll(current.labels())) {
            manual(change);
            return;
        }
        for (int i = 0; i < type.labels().size(); i++) {
            String label = type.labels().get(i);
            if (!current.labels().contains(label)) {
                add("ALTER TYPE " + qualified(type.name()) + " ADD VALUE IF NOT EXISTS " + literal(label)
                        + (i == 0 ? "" : " AFTER " + literal(type.labels().get(i - 1))));
            }
        }
    }

    private void createTable(Table table) {
        add(TableDdl.create(table, Set.of()));
        for (Constraint constraint : table.constraints()) {
            if (constraint.local() && constraint.kind() != Constraint.Kind.TRIGGER && !TableDdl.isInline(constraint)) {
                if (constraint.kind() == Constraint.Kind.FOREIGN_KEY) {
                    // Once every new table has its keys: the referenced one may come later.
                    afterTables.add(ConstraintDdl.add(table, constraint));
                } else {
                    add(ConstraintDdl.add(table, constraint));
                }
            }
        }
        for (Index index : table.indexes()) {
            add(index.definition());
            memberComment("INDEX", index.name(), table.name(), index.comment());
        }
        SecurityDdl.replication(table).forEach(this::add);
        for (Trigger trigger : table.triggers()) {
            createMember(new CatalogDescriber.Member(table.name(), trigger, false));
            memberComment("TRIGGER", trigger.name(), table.name(), trigger.comment());
        }
        for (Rule rule : table.rules()) {
            // Its actions may use tables created later.
            afterTables.add(rule.definition());
            if (rule.comment() != null) {
                afterTables.add(CommentDdl.onMember("RULE", rule.name(), qualified(table.name()), rule.comment()));
            }
        }
        SecurityDdl.rowSecurity(table).forEach(this::add);
        for (Policy policy : table.policies()) {
            add(SecurityDdl.createPolicy(table.name(), policy));
            memberComment("POLICY", policy.name(), table.name(), policy.comment());
        }
        for (StatisticsObject statistics : table.statistics()) {
            createMember(new CatalogDescriber.Member(table.name(), statistics, false));
            if (statistics.comment() != null) {
                add(CommentDdl.on("STATISTICS", statistics.name(), statistics.comment()));
            }
        }
        for (Constraint constraint : table.constraints()) {
            if (constraint.local() && constraint.kind() != Constraint.Kind.TRIGGER && constraint.comment() != null) {
                String comment = CommentDdl.onMember("CONSTRAINT", constraint.name(), qualified(table.name()),
                        constraint.comment());
                if (constraint.kind() == Constraint.Kind.FOREIGN_KEY) {
                    afterTables.add(comment);
                } else {
                    add(comment);
                }
            }
        }
        for (Column column : table.columns()) {
            if (column.comment() != null) {
                add(CommentDdl.onColumn(table.name(), column.name(), column.comment()));
            }
        }
    }

    private void memberComment(String kind, String name, QualifiedName table, String comment) {
        if (comment != null) {
            add(CommentDdl.onMember(kind, name, qualified(table), comment));
        }
    }

    private void column(CatalogDescriber.ColumnOf of, boolean missing, SchemaComparer.Change change) {
        Column column = of.column();
        if (of.view() && missing) {
            return; // the view is created again with it
        }
        String alter = (of.view() ? "ALTER VIEW " : "ALTER TABLE ") + qualified(of.relation()) + " ";
        if (missing) {
            add(alter + "ADD COLUMN " + TableDdl.columnDefinition(column));
            return;
        }
        Map<String, String> before = change.targetSide().properties();
        Map<String, String> after = change.sourceSide().properties();
        String target = "ALTER COLUMN " + identifier(column.name()) + " ";
        for (String detail : change.details()) {
            String property = detail.substring(0, detail.indexOf(':'));
            switch (property) {
                case "type", "collation" -> hazard(alter + target + "TYPE " + column.type()
                        + (column.collation() == null ? "" : " COLLATE " + column.collation())
                        + " USING " + identifier(column.name()) + "::" + column.type(), "rewrites the column");
                case "default" -> add(alter + target + (after.get("default") == null ? "DROP DEFAULT"
                        : "SET DEFAULT " + column.defaultExpression()));
                case "not null" -> add(alter + target + (after.get("not null") == null ? "DROP NOT NULL" : "SET NOT NULL"));
                case "statistics" -> add(alter + target + "SET STATISTICS "
                        + (column.statisticsTarget() == null ? -1 : column.statisticsTarget()));
                case "comment" -> { } // set with the other comments
                default -> statements.add("-- MANUAL: column " + of.relation() + "." + column.name() + " " + detail
                        + " (was " + before.get(property) + ")");
            }
        }
    }

    private void createMember(CatalogDescriber.Member member) {
        Object object = member.member();
        if (object instanceof Constraint constraint) {
            Table owner = source.tables().stream().filter(t -> t.name().equals(member.table())).findFirst().orElseThrow();
            add(ConstraintDdl.add(owner, constraint));
        } else if (object instanceof Index index) {
            add(index.definition());
        } else if (object instanceof Trigger trigger && trigger.inherited()) {
            add(SecurityDdl.reenable(member.table(), trigger));
        } else if (object instanceof Trigger trigger) {
            add(trigger.definition());
            String firing = SecurityDdl.firing(member.table(), trigger);
            if (firing != null) {
                add(firing);
            }
        } else if (object instanceof Rule rule) {
            add(rule.definition());
        } else if (object instanceof Policy policy) {
            add(SecurityDdl.createPolicy(member.table(), policy));
        } else if (object instanceof StatisticsObject statistics) {
            add(statistics.definition());
            String target = StatisticsDdl.target(statistics);
            if (target != null) {
                add(target);
            }
        }
    }

    private void dropMember(CatalogDescriber.Member member) {
        Object object = member.member();
        String table = qualified(member.table());
        if (object instanceof Constraint constraint) {
            add("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + identifier(constraint.name()));
        } else if (object instanceof Index index) {
            add("DROP INDEX IF EXISTS " + qualified(new QualifiedName(member.table().schema(), index.name())));
        } else if (object instanceof Trigger trigger && trigger.inherited()) {
            // The partition's copy goes back to firing as its parent's trigger does by default.
            add(SecurityDdl.setFiring(member.table(), trigger, Trigger.Firing.ORIGIN));
        } else if (object instanceof Trigger trigger) {
            add("DROP TRIGGER IF EXISTS " + identifier(trigger.name()) + " ON " + table);
        } else if (object instanceof Rule rule) {
            add("DROP RULE IF EXISTS " + identifier(rule.name()) + " ON " + table);
        } else if (object instanceof Policy policy) {
            add("DROP POLICY IF EXISTS " + identifier(policy.name()) + " ON " + table);
        } else if (object instanceof StatisticsObject statistics) {
            add("DROP STATISTICS IF EXISTS " + qualified(statistics.name()));
        }
    }

    private void drop(Described described) {
        Object object = described.source();
        if (object instanceof Schema schema) {
            hazard("DROP SCHEMA " + identifier(schema.name()) + " CASCADE", "drops everything in it");
        } else if (object instanceof Extension extension) {
            hazard("DROP EXTENSION " + identifier(extension.name()), "drops its types and functions");
        } else if (object instanceof Table table) {
            hazard("DROP TABLE " + qualified(table.name()), "drops its rows");
        } else if (object instanceof CatalogDescriber.ColumnOf column) {
            if (column.view()) {
                return;
            }
            hazard("ALTER TABLE " + qualified(column.relation()) + " DROP COLUMN " + identifier(column.column().name()),
                    "drops the column's values");
        } else if (object instanceof Sequence sequence) {
            hazard("DROP SEQUENCE " + qualified(sequence.name()), "drops its position");
        } else if (object instanceof View view) {
            add("DROP " + ViewDdl.kind(view) + " IF EXISTS " + qualified(view.name()));
        } else if (object instanceof Routine routine) {
            add("DROP " + routine.kind().name() + " IF EXISTS " + qualified(routine.name()) + "(" + routine.arguments() + ")");
        } else if (object instanceof CatalogDescriber.Member member) {
            dropMember(member);
        } else if (object instanceof Cast cast) {
            hazard("DROP CAST " + CastDdl.signature(cast) + " CASCADE", "drops the views and defaults that use it");
        } else if (object instanceof Operator operator) {
            hazard("DROP OPERATOR " + OperatorDdl.signature(operator) + " CASCADE",
                    "drops the views, indexes and constraints that use it");
        } else if (object instanceof TextSearchDictionary dictionary) {
            hazard("DROP TEXT SEARCH DICTIONARY " + qualified(dictionary.name()) + " CASCADE",
                    "drops the configurations' mappings that use it");
        } else if (object instanceof TextSearchConfiguration configuration) {
            hazard("DROP TEXT SEARCH CONFIGURATION " + qualified(configuration.name()) + " CASCADE",
                    "drops the indexes and columns that use it");
        } else {
            hazard("DROP " + described.kind().toUpperCase(Locale.ROOT) + " " + described.name(),
                    "columns of this type would go with it");
        }
    }

    private void recreate(boolean missing, String target, String... create) {
        if (!missing) {
            hazard("DROP " + target + " CASCADE", "drops the columns that use it");
        }
        for (String statement : create) {
            add(statement);
        }
    }

    /** Sets (or with {@code null}, removes) the comment of a created or changed object. */
    private void comment(Described described, String comment) {
        Object object = described.source();
        String statement = null;
        if (object instanceof Schema schema) {
            statement = CommentDdl.onUnqualified("SCHEMA", schema.name(), comment);
        } else if (object instanceof Extension extension) {
            statement = CommentDdl.onUnqualified("EXTENSION", extension.name(), comment);
        } else if (object instanceof Table table) {
            statement = CommentDdl.on("TABLE", table.name(), comment);
        } else if (object instanceof View view) {
            statement = CommentDdl.on(ViewDdl.kind(view), view.name(), comment);
        } else if (object instanceof Sequence sequence) {
            statement = CommentDdl.on("SEQUENCE", sequence.name(), comment);
        } else if (object instanceof EnumType type) {
            statement = CommentDdl.on("TYPE", type.name(), comment);
        } else if (object instanceof CompositeType type) {
            statement = CommentDdl.on("TYPE", type.name(), comment);
        } else if (object instanceof RangeType type) {
            statement = CommentDdl.on("TYPE", type.name(), comment);
        } else if (object instanceof DomainType domain) {
            statement = CommentDdl.on("DOMAIN", domain.name(), comment);
        } else if (object instanceof Cast cast) {
            statement = CommentDdl.onCast(cast, comment);
        } else if (object instanceof Operator operator) {
            statement = CommentDdl.onOperator(operator, comment);
        } else if (object instanceof TextSearchDictionary dictionary) {
            statement = CommentDdl.on("TEXT SEARCH DICTIONARY", dictionary.name(), comment);
        } else if (object instanceof TextSearchConfiguration configuration) {
            statement = CommentDdl.on("TEXT SEARCH CONFIGURATION", configuration.name(), comment);
        } else if (object instanceof Routine routine) {
            statement = CommentDdl.onRoutine(routine);
        } else if (object instanceof CatalogDescriber.ColumnOf column) {
            statement = CommentDdl.onColumn(column.relation(), column.column().name(), comment);
        }
        if (statement != null) {
            add(statement);
        }
    }

    private void manual(SchemaComparer.Change change) {
        statements.add("-- MANUAL: " + change.object().kind() + " " + change.object().name() + ": "
                + String.join("; ", change.details()));
    }

    private void hazard(String statement, String why) {
        if (plan.allowDestructive()) {
            add(statement);
        } else {
            statements.add("-- HAZARD (" + why + "; allowDestructive() writes it): " + statement + ";");
        }
    }

    private void add(String statement) {
        statements.add(statement + ";");
    }

    /** Rewrites qualified names from source schemas to their target counterparts. */
    private String mapSchemas(String statement) {
        String result = statement;
        for (Map.Entry<String, String> entry : plan.schemaMap().entrySet()) {
            result = result.replace(identifier(entry.getKey()) + ".", identifier(entry.getValue()) + ".")
                    .replace(entry.getKey() + ".", entry.getValue() + ".");
        }
        return result;
    }
}
