package io.persistor.core.internal.diff;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.literal;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.Difference;
import io.persistor.Hazard;
import io.persistor.MigrationStep.Lock;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the statements that create a missing object or change an existing one in place, with the lock each takes
 * and its hazards. An object the migration dropped for a rebuild is created, not altered.
 */
final class ChangeWriter {

    /** A statement kept for after every new table exists: foreign keys, rules and their comments. */
    record Deferred(String sql, Lock lock, Hazard[] hazards) {
    }

    private final Catalog source;
    private final int targetVersion;
    private final StepList steps;
    private final Rebuilds rebuilds;
    private final boolean online;
    private final List<Deferred> afterTables = new ArrayList<>();
    /** Attachments of partitions' indexes to their partitioned tables' indexes, once both exist. */
    private final Set<String> indexAttachments = new LinkedHashSet<>();
    private boolean writesRoutines;

    /**
     * Creates a writer.
     *
     * @param online whether changes to existing tables take the forms that keep them readable and writable
     */
    ChangeWriter(Catalog source, int targetVersion, StepList steps, Rebuilds rebuilds, boolean online) {
        this.source = source;
        this.targetVersion = targetVersion;
        this.steps = steps;
        this.rebuilds = rebuilds;
        this.online = online;
    }

    /** Whether it created or replaced a function or procedure, whose bodies are then not to be checked. */
    boolean writesRoutines() {
        return writesRoutines;
    }

    /** Writes what waited for every new table. */
    void writeAfterTables() {
        afterTables.forEach(d -> steps.add(d.sql(), d.lock(), d.hazards()));
        indexAttachments.forEach(sql -> steps.add(sql, Lock.SHARE_UPDATE_EXCLUSIVE));
    }

    /** Writes the statements of one change that is not a drop. */
    void write(SchemaComparer.Change change) {
        Described described = change.sourceSide();
        boolean missing = change.change() == Difference.Change.MISSING_IN_TARGET
                || change.targetSide() != null && rebuilds.isDropped(change.targetSide());
        Object object = described.source();
        String comment = described.properties().get("comment");
        boolean commentChanged = change.details().stream().anyMatch(d -> d.startsWith("comment:"));
        if (!missing && change.details().stream().allMatch(d -> d.startsWith("comment:"))) {
            comment(described, comment);
            return;
        }
        Rebuilds.Root leftOut = change.targetSide() == null ? null : rebuilds.leftOut(change.targetSide());
        if (leftOut != null && !leftOut.column()) {
            steps.leaveOut(DropStatements.drop(change.targetSide()) + "; " + String.join("; ", create(described)),
                    Lock.ACCESS_EXCLUSIVE, leftOut.hazards(), leftOut.note());
            return;
        }
        if (object instanceof Schema schema) {
            steps.add(TypeDdl.createSchema(schema.name()));
        } else if (object instanceof Extension extension) {
            TypeDdl.createExtension(extension).forEach(steps::add);
            return; // with its comment
        } else if (object instanceof EnumType type && !missing) {
            for (String statement : EnumChange.of((EnumType) change.targetSide().source(), type)) {
                // A new label cannot be used before the transaction that adds it commits.
                steps.addOutsideTransaction(statement, Lock.NONE);
            }
        } else if (object instanceof DomainType domain && !missing) {
            alterDomain(domain, (DomainType) change.targetSide().source());
        } else if (object instanceof CompositeType type && !missing) {
            CompositeChange.of((CompositeType) change.targetSide().source(), type)
                    .forEach(s -> steps.add(s, Lock.ACCESS_EXCLUSIVE));
        } else if (object instanceof TextSearchDictionary dictionary && !missing) {
            steps.add(alterDictionary(dictionary, (TextSearchDictionary) change.targetSide().source()), Lock.NONE);
        } else if (object instanceof Sequence sequence) {
            steps.add(missing ? SequenceDdl.create(sequence)
                    : "ALTER SEQUENCE " + qualified(sequence.name()) + " AS " + sequence.dataType() + " "
                    + SequenceDdl.options(sequence).replace("START WITH", "START"),
                    missing ? Lock.NONE : Lock.SHARE_ROW_EXCLUSIVE);
        } else if (object instanceof Routine routine) {
            if (routine.kind() != Routine.Kind.AGGREGATE) {
                writesRoutines = true;
            }
            steps.add(routine.definition());
        } else if (object instanceof Table table) {
            if (missing) {
                createTable(table);
            } else {
                new TableChanges(steps).write(change);
            }
        } else if (object instanceof CatalogDescriber.ColumnOf column) {
            column(column, missing, change);
        } else if (object instanceof View view && !missing && view.materialized()) {
            steps.add(ViewDdl.clusterOn(view), Lock.SHARE_UPDATE_EXCLUSIVE);
        } else if (object instanceof View view && !missing) {
            steps.add(ViewDdl.replace(view),
                    Lock.ACCESS_EXCLUSIVE);
        } else if (object instanceof View view) {
            createView(view);
        } else if (object instanceof CatalogDescriber.Member member) {
            if (missing) {
                createMember(member, true);
            } else if (member.member() instanceof Index index && index.attachedTo() != null
                    && change.details().stream().allMatch(d -> d.startsWith("attached to:"))) {
                attachIndexes(member.table(), index);
            } else if (online && member.member() instanceof Index index && !member.partitioned()) {
                replaceIndex(member.table(), index);
            } else {
                steps.add(DropStatements.dropMember(member), Lock.ACCESS_EXCLUSIVE);
                createMember(member, true);
            }
        } else {
            create(described).forEach(steps::add);
        }
        if (comment != null || commentChanged) {
            comment(described, comment);
        }
    }

    /** The statements that create an object of the kinds without in-place changes. */
    private static List<String> create(Described described) {
        Object object = described.source();
        if (object instanceof Collation collation) {
            return List.of(TypeDdl.createCollation(collation));
        } else if (object instanceof Cast cast) {
            return List.of(CastDdl.create(cast));
        } else if (object instanceof Operator operator) {
            return List.of(OperatorDdl.create(operator));
        } else if (object instanceof TextSearchDictionary dictionary) {
            return List.of(TextSearchDdl.createDictionary(dictionary));
        } else if (object instanceof TextSearchConfiguration configuration) {
            return TextSearchDdl.createConfiguration(configuration);
        } else if (object instanceof EnumType type) {
            return List.of(TypeDdl.createEnum(type));
        } else if (object instanceof DomainType domain) {
            List<String> statements = new ArrayList<>(List.of(TypeDdl.createDomain(domain)));
            domain.constraints().stream().filter(c -> !c.validated())
                    .forEach(c -> statements.add(TypeDdl.addDomainConstraint(domain, c)));
            return statements;
        } else if (object instanceof CompositeType type) {
            return List.of(TypeDdl.createComposite(type));
        } else if (object instanceof RangeType type) {
            return List.of(TypeDdl.createRange(type));
        } else if (object instanceof Routine routine) {
            return List.of(routine.definition());
        } else if (object instanceof View view) {
            return List.of(ViewDdl.create(view));
        }
        throw new IllegalArgumentException("No create statement for " + described.key());
    }

    private void alterDomain(DomainType domain, DomainType current) {
        String alter = "ALTER DOMAIN " + qualified(domain.name()) + " ";
        if (!Objects.equals(domain.defaultExpression(), current.defaultExpression())) {
            steps.add(alter + (domain.defaultExpression() == null ? "DROP DEFAULT"
                    : "SET DEFAULT " + domain.defaultExpression()), Lock.NONE);
        }
        if (domain.notNull() != current.notNull()) {
            if (domain.notNull()) {
                steps.add(alter + "SET NOT NULL", Lock.SHARE, Hazard.FULL_SCAN, Hazard.MAY_FAIL_ON_DATA);
            } else {
                steps.add(alter + "DROP NOT NULL", Lock.NONE);
            }
        }
        for (Constraint constraint : current.constraints()) {
            if (domain.constraints().stream().noneMatch(c -> same(c, constraint))) {
                steps.add(alter + "DROP CONSTRAINT " + identifier(constraint.name()), Lock.NONE);
            }
        }
        for (Constraint constraint : domain.constraints()) {
            if (current.constraints().stream().noneMatch(c -> same(c, constraint))) {
                steps.add(TypeDdl.addDomainConstraint(domain, constraint), Lock.SHARE, constraint.validated()
                        ? new Hazard[] {Hazard.FULL_SCAN, Hazard.MAY_FAIL_ON_DATA} : new Hazard[0]);
            }
        }
    }

    /** Sets the source's options and removes the others, which an option named without a value does. */
    private static String alterDictionary(TextSearchDictionary dictionary, TextSearchDictionary current) {
        List<String> options = new ArrayList<>(optionList(dictionary.options()));
        List<String> names = options.stream().map(o -> o.replaceAll("\\s*=.*", "")).toList();
        for (String option : optionList(current.options())) {
            String name = option.replaceAll("\\s*=.*", "");
            if (!names.contains(name)) {
                options.add(name);
            }
        }
        return "ALTER TEXT SEARCH DICTIONARY " + qualified(dictionary.name()) + " (" + String.join(", ", options) + ")";
    }

    private static List<String> optionList(String options) {
        return options == null ? List.of() : List.of(options.split(",\\s*(?=[A-Za-z_][A-Za-z0-9_]*\\s*=)"));
    }

    private static boolean same(Constraint a, Constraint b) {
        return a.name().equals(b.name()) && a.definition().equals(b.definition()) && a.validated() == b.validated();
    }

    private void createView(View view) {
        steps.add(ViewDdl.create(view));
        for (Column column : view.columns()) {
            if (column.defaultExpression() != null) {
                steps.add(ViewDdl.setDefault(view, column));
            }
            if (column.comment() != null) {
                steps.add(CommentDdl.onColumn(view.name(), column.name(), column.comment()));
            }
        }
        if (view.materialized() && view.populated()) {
            steps.add(ViewDdl.refresh(view), Lock.NONE, Hazard.FULL_SCAN);
        }
    }

    private void createTable(Table table) {
        steps.add(TableDdl.create(table, Set.of()));
        for (Constraint constraint : table.constraints()) {
            if (constraint.local() && constraint.kind() != Constraint.Kind.TRIGGER && !TableDdl.isInline(constraint)) {
                if (constraint.kind() == Constraint.Kind.FOREIGN_KEY) {
                    // Once every new table has its keys: the referenced one may come later.
                    afterTables.add(new Deferred(ConstraintDdl.add(table, constraint), Lock.SHARE_ROW_EXCLUSIVE,
                            new Hazard[0]));
                } else {
                    steps.add(ConstraintDdl.addWithPartitions(table, constraint));
                }
            }
        }
        for (Index index : table.indexes()) {
            steps.add(table.partitionOf() != null && index.attachedTo() != null
                    ? partitionIndex(table.name(), index) : index.definition());
            attachIndexes(table.name(), index);
            memberComment(new CatalogDescriber.Member(table.name(), index, false), index.comment());
        }
        SecurityDdl.replication(table).forEach(steps::add);
        for (Trigger trigger : table.triggers()) {
            CatalogDescriber.Member member = new CatalogDescriber.Member(table.name(), trigger, false);
            createMember(member, false);
            memberComment(member, trigger.comment());
        }
        for (Rule rule : table.rules()) {
            // Its actions may use tables created later.
            afterTables.add(new Deferred(rule.definition(), Lock.NONE, new Hazard[0]));
            if (rule.comment() != null) {
                afterTables.add(new Deferred(memberCommentStatement(new CatalogDescriber.Member(table.name(), rule,
                        false), rule.comment()), Lock.NONE, new Hazard[0]));
            }
        }
        SecurityDdl.rowSecurity(table).forEach(steps::add);
        for (Policy policy : table.policies()) {
            steps.add(SecurityDdl.createPolicy(table.name(), policy));
            memberComment(new CatalogDescriber.Member(table.name(), policy, false), policy.comment());
        }
        for (StatisticsObject statistics : table.statistics()) {
            CatalogDescriber.Member member = new CatalogDescriber.Member(table.name(), statistics, false);
            createMember(member, false);
            memberComment(member, statistics.comment());
        }
        for (Constraint constraint : table.constraints()) {
            if (constraint.local() && constraint.kind() != Constraint.Kind.TRIGGER && constraint.comment() != null) {
                String comment = memberCommentStatement(new CatalogDescriber.Member(table.name(), constraint, false),
                        constraint.comment());
                if (constraint.kind() == Constraint.Kind.FOREIGN_KEY) {
                    afterTables.add(new Deferred(comment, Lock.NONE, new Hazard[0]));
                } else {
                    steps.add(comment);
                }
            }
        }
        for (Column column : table.columns()) {
            if (column.comment() != null) {
                steps.add(CommentDdl.onColumn(table.name(), column.name(), column.comment()));
            }
        }
    }

    private void memberComment(CatalogDescriber.Member member, String comment) {
        if (comment != null) {
            steps.add(memberCommentStatement(member, comment));
        }
    }

    private void column(CatalogDescriber.ColumnOf of, boolean missing, SchemaComparer.Change change) {
        Column column = of.column();
        if (of.view() && missing) {
            return; // the view is created again with it
        }
        if (missing && !of.view() && parentHas(of.relation(), column.name())) {
            return; // the parent's ADD COLUMN gives it to its partitions and children
        }
        String alter = (of.view() ? "ALTER VIEW " : "ALTER TABLE ") + qualified(of.relation()) + " ";
        if (missing) {
            steps.add(alter + "ADD COLUMN " + TableDdl.columnDefinition(column), Lock.ACCESS_EXCLUSIVE,
                    column.notNull() && column.defaultExpression() == null && column.generated() == null
                            ? new Hazard[] {Hazard.MAY_FAIL_ON_DATA} : column.generated() != null
                            ? new Hazard[] {Hazard.TABLE_REWRITE} : new Hazard[0]);
            return;
        }
        Map<String, String> before = change.targetSide().properties();
        Map<String, String> after = change.sourceSide().properties();
        String target = "ALTER COLUMN " + identifier(column.name()) + " ";
        List<String> properties = change.details().stream().map(d -> d.substring(0, d.indexOf(':'))).distinct()
                .toList();
        // An inherited column takes its parent's new type: ALTER COLUMN TYPE reaches partitions and children.
        boolean typeChanged = properties.contains("type") || properties.contains("collation");
        boolean typeViaParent = typeChanged && !of.view() && !column.local() && parentHas(of.relation(), column.name());
        boolean retype = typeChanged && !typeViaParent;
        Rebuilds.Root leftOut = rebuilds.leftOut(change.targetSide());
        boolean retyped = retype && leftOut == null
                && steps.allows(StepList.set(Hazard.TABLE_REWRITE, Hazard.MAY_FAIL_ON_DATA));
        if (retyped && before.get("default") != null) {
            // The old default may not convert to the new type: it comes back from the source after.
            steps.add(alter + target + "DROP DEFAULT", Lock.ACCESS_EXCLUSIVE);
        }
        for (String property : properties) {
            switch (property) {
                case "type", "collation" -> {
                    if (typeViaParent || property.equals("collation") && properties.contains("type")) {
                        continue;
                    }
                    String statement = alter + target + "TYPE " + column.type()
                            + (column.collation() == null ? "" : " COLLATE " + column.collation())
                            + " USING " + identifier(column.name()) + "::" + column.type();
                    if (leftOut != null) {
                        steps.leaveOut(statement, Lock.ACCESS_EXCLUSIVE, leftOut.hazards(), leftOut.note());
                    } else {
                        steps.add(statement, Lock.ACCESS_EXCLUSIVE, Hazard.TABLE_REWRITE, Hazard.MAY_FAIL_ON_DATA);
                        if (retyped && before.get("default") != null && after.get("default") != null
                                && !properties.contains("default")) {
                            // The same default, dropped before the change, comes back.
                            steps.add(alter + target + "SET DEFAULT " + column.defaultExpression(),
                                    Lock.ACCESS_EXCLUSIVE);
                        }
                    }
                }
                case "default" -> {
                    if (after.get("default") != null) {
                        steps.add(alter + target + "SET DEFAULT " + column.defaultExpression(), Lock.ACCESS_EXCLUSIVE);
                    } else if (!retyped) {
                        steps.add(alter + target + "DROP DEFAULT", Lock.ACCESS_EXCLUSIVE);
                    }
                }
                case "not null" -> {
                    if (after.get("not null") != null && before.get("not null") == null && !column.notNullLocal()
                            && parentHas(of.relation(), column.name())) {
                        continue; // its parent's SET NOT NULL gives it to its partitions and children
                    }
                    if (after.get("not null") == null) {
                        steps.add(alter + target + "DROP NOT NULL", Lock.ACCESS_EXCLUSIVE);
                    } else if (before.get("not null") != null) {
                        renameNotNull(alter, of, ((CatalogDescriber.ColumnOf) change.targetSide().source()).column());
                    } else if (online) {
                        setNotNullOnline(alter, of);
                    } else {
                        steps.add(setNotNull(alter, of), Lock.ACCESS_EXCLUSIVE, Hazard.FULL_SCAN,
                                Hazard.MAY_FAIL_ON_DATA);
                    }
                }
                case "statistics" -> steps.add(alter + target + "SET STATISTICS "
                        + (column.statisticsTarget() == null ? -1 : column.statisticsTarget()),
                        Lock.SHARE_UPDATE_EXCLUSIVE);
                case "storage" -> steps.add(column.storage() != null
                        ? alter + target + "SET STORAGE " + column.storage().toUpperCase(Locale.ROOT)
                        : defaultStorage(of.relation(), column.name()), Lock.ACCESS_EXCLUSIVE);
                case "compression" -> steps.add(alter + target + "SET COMPRESSION "
                        + (column.compression() == null ? "DEFAULT" : column.compression()), Lock.ACCESS_EXCLUSIVE);
                case "options" -> {
                    if (before.get("options") != null) {
                        steps.add(alter + target + "RESET (" + optionNames(before.get("options")) + ")",
                                Lock.SHARE_UPDATE_EXCLUSIVE);
                    }
                    if (column.options() != null) {
                        steps.add(alter + target + "SET (" + column.options() + ")", Lock.SHARE_UPDATE_EXCLUSIVE);
                    }
                }
                case "identity" -> identity(alter + target, column, before.get("identity"));
                case "generated" -> {
                    if (!setExpression(alter + target, column,
                            ((CatalogDescriber.ColumnOf) change.targetSide().source()).column())) {
                        leaveOut(of, property, before, after);
                    }
                }
                case "identity sequence" -> { } // below, once the column has its new type
                case "comment" -> { } // set with the other comments
                default -> leaveOut(of, property, before, after);
            }
        }
        // A new identity comes with its sequence's parameters; an existing one's are set, in its new type's range.
        if (properties.contains("identity sequence") && before.get("identity") != null && column.identity() != null
                && column.identity().sequence() != null && (!retype || retyped)) {
            steps.add(alter + target + SequenceDdl.setOptions(column.identity().sequence()), Lock.ACCESS_EXCLUSIVE);
        }
    }

    /** Gives a column its type's storage again: {@code SET STORAGE DEFAULT} from PostgreSQL 16, looked up before. */
    private String defaultStorage(QualifiedName table, String column) {
        String alter = "ALTER TABLE " + qualified(table) + " ALTER COLUMN " + identifier(column) + " SET STORAGE ";
        if (targetVersion >= 160000) {
            return alter + "DEFAULT";
        }
        return "DO " + literal("BEGIN EXECUTE " + literal(alter) + " || (SELECT CASE t.typstorage WHEN 'p' THEN 'PLAIN'"
                + " WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END FROM pg_catalog.pg_attribute a"
                + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid WHERE a.attrelid = " + literal(qualified(table))
                + "::pg_catalog.regclass AND a.attname = " + literal(column) + "); END");
    }

    private void identity(String alterColumn, Column column, String before) {
        if (column.identity() != null && column.identity().sequence() == null) {
            return; // A partition's identity follows its partitioned table's (PostgreSQL 17 and later).
        }
        if (column.identity() == null) {
            steps.add(alterColumn + "DROP IDENTITY", Lock.ACCESS_EXCLUSIVE);
        } else if (before == null) {
            steps.add(alterColumn + "ADD " + TableDdl.identity(column.identity()), Lock.ACCESS_EXCLUSIVE);
        } else {
            steps.add(alterColumn + "SET GENERATED " + TableDdl.identityGeneration(column.identity().generation()),
                    Lock.ACCESS_EXCLUSIVE);
        }
    }

    /**
     * A generated column computed another way, in place (PostgreSQL 17 and later; a stored one's table is
     * rewritten).
     *
     * @return whether a statement makes the change: none does anything else about a column's generation
     */
    private boolean setExpression(String alterColumn, Column column, Column before) {
        if (targetVersion < 170000 || column.generated() == null || before.generated() == null
                || column.generated().stored() != before.generated().stored()) {
            return false;
        }
        String statement = alterColumn + "SET EXPRESSION AS (" + column.generated().expression() + ")";
        if (column.generated().stored()) {
            steps.add(statement, Lock.ACCESS_EXCLUSIVE, Hazard.TABLE_REWRITE);
        } else {
            steps.add(statement, Lock.ACCESS_EXCLUSIVE);
        }
        return true;
    }

    /** Notes a change of a column's property that no statement makes in place. */
    private void leaveOut(CatalogDescriber.ColumnOf of, String property, Map<String, String> before,
                          Map<String, String> after) {
        steps.leaveOut("-- column " + of.relation() + "." + of.column().name() + " " + property + ": "
                + after.get(property) + " (was " + before.get(property) + ")", Lock.NONE, Set.of(),
                "no statement makes this change in place");
    }

    private static String optionNames(String options) {
        List<String> names = new ArrayList<>();
        for (String option : options.replaceAll("^\\{|}$", "").split(",")) {
            names.add(option.strip().replaceAll("=.*", ""));
        }
        return String.join(", ", names);
    }

    /**
     * {@code SET NOT NULL} after a check proved it, so the lock that sets it is not held while the table is read.
     */
    private void setNotNullOnline(String alter, CatalogDescriber.ColumnOf of) {
        Column column = of.column();
        String check = identifier(OnlineForms.temporaryName(column.name(), "_not_null_persistor"));
        steps.add(alter + "ADD CONSTRAINT " + check + " CHECK (" + identifier(column.name()) + " IS NOT NULL) NOT VALID",
                Lock.ACCESS_EXCLUSIVE);
        if (steps.addOutsideTransaction(alter + "VALIDATE CONSTRAINT " + check, Lock.SHARE_UPDATE_EXCLUSIVE,
                Hazard.FULL_SCAN, Hazard.MAY_FAIL_ON_DATA)) {
            steps.addNoted(setNotNull(alter, of), Lock.ACCESS_EXCLUSIVE, "the validated check spares the scan");
        } else {
            steps.leaveOut(setNotNull(alter, of), Lock.ACCESS_EXCLUSIVE, Set.of(),
                    "belongs with the validation left out");
        }
        steps.add(alter + "DROP CONSTRAINT " + check, Lock.ACCESS_EXCLUSIVE);
    }

    /** {@code SET NOT NULL}, or on PostgreSQL 18 the named constraint when the source's has a name of its own. */
    private String setNotNull(String alter, CatalogDescriber.ColumnOf of) {
        Column column = of.column();
        if (targetVersion >= 180000 && column.notNullName() != null
                && !column.notNullName().equals(of.relation().name() + "_" + column.name() + "_not_null")) {
            return alter + "ADD CONSTRAINT " + identifier(column.notNullName()) + " NOT NULL "
                    + identifier(column.name());
        }
        return alter + "ALTER COLUMN " + identifier(column.name()) + " SET NOT NULL";
    }

    /** Gives a column's {@code NOT NULL} constraint the source's name, or the one the server would choose. */
    private void renameNotNull(String alter, CatalogDescriber.ColumnOf of, Column current) {
        if (current.notNullName() == null) {
            return; // before PostgreSQL 18, NOT NULL has no name to change
        }
        String wanted = of.column().notNullName() != null ? of.column().notNullName()
                : of.relation().name() + "_" + of.column().name() + "_not_null";
        if (wanted.equals(current.notNullName())) {
            return; // differs only in whether it is inherited, which attaching or detaching changes
        }
        steps.add(alter + "RENAME CONSTRAINT " + identifier(current.notNullName()) + " TO " + identifier(wanted),
                Lock.ACCESS_EXCLUSIVE);
    }

    /** Builds a changed index under another name without blocking writes, drops the old one, and renames. */
    private void replaceIndex(QualifiedName table, Index index) {
        String temporary = OnlineForms.temporaryName(index.name(), "_persistor_new");
        boolean built = steps.addOutsideTransaction(OnlineForms.concurrently(index.definition(), temporary),
                Lock.SHARE_UPDATE_EXCLUSIVE, uniqueIndexHazards(index.definition()));
        String drop = "DROP INDEX CONCURRENTLY " + qualified(new QualifiedName(table.schema(), index.name()));
        String rename = "ALTER INDEX " + qualified(new QualifiedName(table.schema(), temporary)) + " RENAME TO "
                + identifier(index.name());
        if (built) {
            steps.addOutsideTransaction(drop, Lock.SHARE_UPDATE_EXCLUSIVE);
            steps.add(rename, Lock.SHARE_UPDATE_EXCLUSIVE);
        } else {
            steps.leaveOut(drop, Lock.SHARE_UPDATE_EXCLUSIVE, Set.of(), "belongs with the index build left out");
            steps.leaveOut(rename, Lock.SHARE_UPDATE_EXCLUSIVE, Set.of(), "belongs with the index build left out");
        }
    }

    private static Hazard[] uniqueIndexHazards(String definition) {
        return definition.startsWith("CREATE UNIQUE") ? new Hazard[] {Hazard.MAY_FAIL_ON_DATA} : new Hazard[0];
    }

    /**
     * Creates a member of an existing table in the form that keeps the table readable and writable, when there is
     * one.
     *
     * @return whether it wrote the member
     */
    private boolean createMemberOnline(CatalogDescriber.Member member) {
        Object object = member.member();
        String alter = "ALTER TABLE " + qualified(member.table()) + " ";
        if (object instanceof Index index) {
            if (member.partitioned()) {
                steps.addNoted(index.definition(), Lock.SHARE,
                        "a partitioned table's index cannot be built concurrently", Hazard.BLOCKING_INDEX_BUILD);
            } else {
                steps.addOutsideTransaction(OnlineForms.concurrently(index.definition()), Lock.SHARE_UPDATE_EXCLUSIVE,
                        uniqueIndexHazards(index.definition()));
            }
            attachIndexes(member.table(), index);
            return true;
        }
        if (!(object instanceof Constraint constraint)) {
            return false;
        }
        Table owner = sourceTable(member.table());
        switch (constraint.kind()) {
            case FOREIGN_KEY, CHECK -> {
                if (!constraint.validated() || constraint.kind() == Constraint.Kind.FOREIGN_KEY
                        && member.partitioned() && targetVersion < 180000) {
                    return false;
                }
                boolean key = constraint.kind() == Constraint.Kind.FOREIGN_KEY;
                boolean added = steps.add(ConstraintDdl.add(owner, constraint) + " NOT VALID",
                        key ? Lock.SHARE_ROW_EXCLUSIVE : Lock.ACCESS_EXCLUSIVE);
                String validate = alter + "VALIDATE CONSTRAINT " + identifier(constraint.name());
                if (added) {
                    steps.addOutsideTransaction(validate, Lock.SHARE_UPDATE_EXCLUSIVE, Hazard.FULL_SCAN,
                            Hazard.MAY_FAIL_ON_DATA);
                } else {
                    steps.leaveOut(validate, Lock.SHARE_UPDATE_EXCLUSIVE, Set.of(), "belongs with the constraint");
                }
                return true;
            }
            case PRIMARY_KEY, UNIQUE -> {
                String index = member.partitioned() ? null : OnlineForms.keyIndex(member.table(), constraint);
                if (index == null) {
                    return false;
                }
                if (steps.addOutsideTransaction(index, Lock.SHARE_UPDATE_EXCLUSIVE, Hazard.MAY_FAIL_ON_DATA)) {
                    steps.add(OnlineForms.keyUsingIndex(member.table(), constraint), Lock.ACCESS_EXCLUSIVE);
                } else {
                    steps.leaveOut(OnlineForms.keyUsingIndex(member.table(), constraint), Lock.ACCESS_EXCLUSIVE,
                            Set.of(), "belongs with the index build left out");
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * A new partition's index that belongs to its partitioned table's: {@code PARTITION OF} made it already if that
     * index existed, under a name the server chose, which it then takes from the source; otherwise it is built.
     */
    private static String partitionIndex(QualifiedName table, Index index) {
        String parent = literal(qualified(index.attachedTo()));
        return "DO " + literal("DECLARE made pg_catalog.regclass; BEGIN"
                + " SELECT i.inhrelid INTO made FROM pg_catalog.pg_inherits i"
                + " JOIN pg_catalog.pg_index x ON x.indexrelid = i.inhrelid"
                + " WHERE i.inhparent = pg_catalog.to_regclass(" + parent + ") AND x.indrelid = "
                + literal(qualified(table)) + "::pg_catalog.regclass;"
                + " IF made IS NULL THEN EXECUTE " + literal(index.definition()) + ";"
                + " ELSIF (SELECT c.relname FROM pg_catalog.pg_class c WHERE c.oid = made) <> "
                + literal(index.name()) + " THEN EXECUTE 'ALTER INDEX ' || made::text || ' RENAME TO ' || "
                + literal(identifier(index.name())) + "; END IF; END");
    }

    /**
     * Attaches, once every index exists, a new index to its partitioned table's index, and the indexes of the
     * table's partitions to a new partitioned index, as in the source.
     */
    private void attachIndexes(QualifiedName table, Index index) {
        QualifiedName name = new QualifiedName(table.schema(), index.name());
        if (index.attachedTo() != null) {
            indexAttachments.add(ConstraintDdl.attachIndex(index.attachedTo(), name));
        }
        for (Table partition : source.tables()) {
            if (partition.partitionOf() != null && partition.partitionOf().parent().equals(table)) {
                for (Index child : partition.indexes()) {
                    if (name.equals(child.attachedTo())) {
                        indexAttachments.add(ConstraintDdl.attachIndex(name,
                                new QualifiedName(partition.name().schema(), child.name())));
                    }
                }
            }
        }
    }

    private Table sourceTable(QualifiedName name) {
        return findSourceTable(name).orElseThrow();
    }

    private Optional<Table> findSourceTable(QualifiedName name) {
        return source.tables().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Whether the source table's partitioned table or a parent it inherits from has the column. */
    private boolean parentHas(QualifiedName table, String column) {
        Table child = findSourceTable(table).orElse(null);
        if (child == null) {
            return false;
        }
        List<QualifiedName> parents = child.partitionOf() != null ? List.of(child.partitionOf().parent())
                : child.inherits();
        return source.tables().stream().filter(t -> parents.contains(t.name()))
                .anyMatch(parent -> parent.columns().stream().anyMatch(c -> c.name().equals(column)));
    }

    /**
     * Creates a member of a table or view.
     *
     * @param existing whether the table holds rows already, so building its index or validating its key costs
     */
    void createMember(CatalogDescriber.Member member, boolean existing) {
        Object object = member.member();
        if (online && existing && createMemberOnline(member)) {
            return;
        }
        if (object instanceof Constraint constraint) {
            Table owner = sourceTable(member.table());
            Hazard[] hazards = !existing ? new Hazard[0] : switch (constraint.kind()) {
                case PRIMARY_KEY, UNIQUE, EXCLUSION ->
                        new Hazard[] {Hazard.BLOCKING_INDEX_BUILD, Hazard.MAY_FAIL_ON_DATA};
                case CHECK, FOREIGN_KEY, NOT_NULL -> constraint.validated()
                        ? new Hazard[] {Hazard.FULL_SCAN, Hazard.MAY_FAIL_ON_DATA} : new Hazard[0];
                default -> new Hazard[0];
            };
            Lock lock = constraint.kind() == Constraint.Kind.FOREIGN_KEY ? Lock.SHARE_ROW_EXCLUSIVE
                    : Lock.ACCESS_EXCLUSIVE;
            steps.add(ConstraintDdl.addWithPartitions(owner, constraint), existing ? lock : Lock.NONE, hazards);
        } else if (object instanceof Index index) {
            steps.add(index.definition(), existing ? Lock.SHARE : Lock.NONE,
                    existing ? new Hazard[] {Hazard.BLOCKING_INDEX_BUILD} : new Hazard[0]);
            attachIndexes(member.table(), index);
        } else if (object instanceof Trigger trigger && trigger.inherited()) {
            steps.add(SecurityDdl.reenable(member.table(), trigger), Lock.SHARE_ROW_EXCLUSIVE);
        } else if (object instanceof Trigger trigger) {
            steps.add(trigger.definition(), existing ? Lock.SHARE_ROW_EXCLUSIVE : Lock.NONE);
            String firing = SecurityDdl.firing(member.table(), trigger);
            if (firing != null) {
                steps.add(firing, existing ? Lock.SHARE_ROW_EXCLUSIVE : Lock.NONE);
            }
        } else if (object instanceof Rule rule) {
            steps.add(rule.definition(), existing ? Lock.ACCESS_EXCLUSIVE : Lock.NONE);
        } else if (object instanceof Policy policy) {
            steps.add(SecurityDdl.createPolicy(member.table(), policy), existing ? Lock.ACCESS_EXCLUSIVE : Lock.NONE);
        } else if (object instanceof StatisticsObject statistics) {
            steps.add(statistics.definition(), existing ? Lock.SHARE_UPDATE_EXCLUSIVE : Lock.NONE);
            String target = StatisticsDdl.target(statistics);
            if (target != null) {
                steps.add(target, existing ? Lock.SHARE_UPDATE_EXCLUSIVE : Lock.NONE);
            }
        }
    }

    /** Sets (or with {@code null}, removes) the comment of a created or changed object. */
    void comment(Described described, String comment) {
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
        } else if (object instanceof CatalogDescriber.Member member) {
            statement = memberCommentStatement(member, comment);
        }
        if (statement != null) {
            steps.add(statement);
        }
    }

    private static String memberCommentStatement(CatalogDescriber.Member member, String comment) {
        String table = qualified(member.table());
        Object object = member.member();
        if (object instanceof Constraint constraint) {
            return CommentDdl.onMember("CONSTRAINT", constraint.name(), table, comment);
        } else if (object instanceof Index index) {
            return CommentDdl.on("INDEX", new QualifiedName(member.table().schema(), index.name()), comment);
        } else if (object instanceof Trigger trigger) {
            return CommentDdl.onMember("TRIGGER", trigger.name(), table, comment);
        } else if (object instanceof Rule rule) {
            return CommentDdl.onMember("RULE", rule.name(), table, comment);
        } else if (object instanceof Policy policy) {
            return CommentDdl.onMember("POLICY", policy.name(), table, comment);
        } else if (object instanceof StatisticsObject statistics) {
            return CommentDdl.on("STATISTICS", statistics.name(), comment);
        }
        return null;
    }
}
