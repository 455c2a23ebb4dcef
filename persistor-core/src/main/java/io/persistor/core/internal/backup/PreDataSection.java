package io.persistor.core.internal.backup;

import io.persistor.core.internal.ddl.CastDdl;
import io.persistor.core.internal.ddl.CommentDdl;
import io.persistor.core.internal.ddl.CreationOrder;
import io.persistor.core.internal.ddl.OperatorDdl;
import io.persistor.core.internal.ddl.SequenceDdl;
import io.persistor.core.internal.ddl.SuperuserOnly;
import io.persistor.core.internal.ddl.TableDdl;
import io.persistor.core.internal.ddl.TextSearchDdl;
import io.persistor.core.internal.ddl.TypeDdl;
import io.persistor.core.internal.ddl.ViewDdl;
import io.persistor.core.internal.script.ScriptWriter;
import io.persistor.core.internal.script.SqlQuote;
import io.persistor.model.BaseType;
import io.persistor.model.Cast;
import io.persistor.model.Catalog;
import io.persistor.model.Collation;
import io.persistor.model.Column;
import io.persistor.model.ColumnReference;
import io.persistor.model.CompositeType;
import io.persistor.model.DefinedObject;
import io.persistor.model.DomainType;
import io.persistor.model.EnumType;
import io.persistor.model.Extension;
import io.persistor.model.Operator;
import io.persistor.model.QualifiedName;
import io.persistor.model.RangeType;
import io.persistor.model.Routine;
import io.persistor.model.Schema;
import io.persistor.model.Sequence;
import io.persistor.model.Table;
import io.persistor.model.TextSearchConfiguration;
import io.persistor.model.TextSearchDictionary;
import io.persistor.model.View;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pre-data section: schemas, extensions, collations, text search objects and the shells of base types, then
 * types, sequences, routines, operators, casts, tables and views in dependency order, each with its comments (operator
 * classes and foreign-data wrappers just before the first table); then
 * what needs them all: sequence ownership, defaults that call routines, and the queries of views created as
 * placeholders (views in cycles), as pg_dump does.
 */
final class PreDataSection {

    /** The comment PostgreSQL gives the {@code public} schema; the target has it already. */
    private static final String DEFAULT_PUBLIC_COMMENT = "standard public schema";

    private final Catalog catalog;
    private final ScriptWriter out;
    private final Map<QualifiedName, Table> tablesByName = new HashMap<>();
    private final CreationOrder<Object> order;

    PreDataSection(Catalog catalog, ScriptWriter out) {
        this.catalog = catalog;
        this.out = out;
        catalog.tables().forEach(t -> tablesByName.put(t.name(), t));
        this.order = CreationOrder.preData(catalog);
    }

    /** The objects in creation order (tables before their partitions and children). */
    List<Object> order() {
        return order.sorted();
    }

    /** Check constraints left out of their tables, for the post-data section to add. */
    Set<CreationOrder.CheckReference> deferredChecks() {
        return order.deferredChecks();
    }

    /** Writes the section; returns the objects in creation order (tables before their partitions and children). */
    List<Object> write() throws IOException {
        for (Schema schema : catalog.schemas()) {
            out.statement(TypeDdl.createSchema(schema.name()));
            if ("public".equals(schema.name())) {
                publicComment(schema.comment());
            } else if (schema.comment() != null) {
                out.statement(CommentDdl.onUnqualified("SCHEMA", schema.name(), schema.comment()));
            }
        }
        Set<String> schemas = catalog.schemas().stream().map(Schema::name).collect(Collectors.toSet());
        for (Extension extension : catalog.extensions()) {
            if (!schemas.contains(extension.schema())) {
                // Installed outside the backup's schemas, but its objects are used here: its schema must exist.
                out.statement(TypeDdl.createSchema(extension.schema()));
            }
            for (String statement : TypeDdl.createExtension(extension)) {
                out.statement(statement);
            }
        }
        Set<DefinedObject.Stage> written = EnumSet.noneOf(DefinedObject.Stage.class);
        definitions(DefinedObject.Stage.FIRST, written);
        for (Collation collation : catalog.collations()) {
            out.statement(TypeDdl.createCollation(collation));
            comment("COLLATION", collation.name(), collation.comment());
        }
        for (TextSearchDictionary dictionary : catalog.dictionaries()) {
            out.statement(TextSearchDdl.createDictionary(dictionary));
            comment("TEXT SEARCH DICTIONARY", dictionary.name(), dictionary.comment());
        }
        for (TextSearchConfiguration configuration : catalog.configurations()) {
            for (String statement : TextSearchDdl.createConfiguration(configuration)) {
                out.statement(statement);
            }
            comment("TEXT SEARCH CONFIGURATION", configuration.name(), configuration.comment());
        }
        for (BaseType type : catalog.baseTypes()) {
            // Shells first: a base type's input and output functions name it before it is defined.
            out.statement(TypeDdl.createShell(type));
        }
        Set<ColumnReference> deferred = order.deferredDefaults();
        List<Object> sorted = order.sorted();
        for (Object object : sorted) {
            if (object instanceof Routine || object instanceof Table) {
                definitions(DefinedObject.Stage.BEFORE_ROUTINES, written);
            }
            if (object instanceof Table) {
                definitions(DefinedObject.Stage.BEFORE_TABLES, written);
            }
            create(object, deferred);
        }
        definitions(DefinedObject.Stage.BEFORE_ROUTINES, written);
        definitions(DefinedObject.Stage.BEFORE_TABLES, written);
        definitions(DefinedObject.Stage.AFTER_TABLES, written);
        for (Sequence sequence : catalog.sequences()) {
            if (sequence.ownedBy() != null && tablesByName.containsKey(sequence.ownedBy().table())) {
                out.statement(SequenceDdl.ownedBy(sequence));
            }
        }
        for (Table table : catalog.tables()) {
            for (Column column : table.columns()) {
                if (deferred.contains(new ColumnReference(table.name(), column.name()))
                        && column.defaultExpression() != null) {
                    out.statement(TableDdl.setDefault(table.name(), column));
                }
            }
        }
        for (Object object : sorted) {
            if (object instanceof View view && placeholder(view) && !view.reliesOnConstraint()) {
                out.statement(ViewDdl.replace(view));
            }
        }
        return sorted;
    }

    /**
     * The objects kept by their definitions for a stage (text search parsers and templates first; transforms before
     * the routines; access methods, operator
     * families and classes, foreign-data wrappers, servers and foreign tables before the tables; foreign partitions
     * after them), unless already written.
     */
    private void definitions(DefinedObject.Stage stage, Set<DefinedObject.Stage> written) throws IOException {
        if (!written.add(stage)) {
            return;
        }
        for (DefinedObject object : catalog.definitions()) {
            if (object.stage() == stage) {
                for (String statement : SuperuserOnly.statements(object)) {
                    out.statement(statement);
                }
            }
        }
    }

    private void create(Object object, Set<ColumnReference> deferred) throws IOException {
        if (object instanceof EnumType type) {
            out.statement(TypeDdl.createEnum(type));
            comment("TYPE", type.name(), type.comment());
        } else if (object instanceof DomainType domain) {
            out.statement(TypeDdl.createDomain(domain));
            comment("DOMAIN", domain.name(), domain.comment());
        } else if (object instanceof CompositeType type) {
            out.statement(TypeDdl.createComposite(type));
            comment("TYPE", type.name(), type.comment());
            columnComments(type.name(), type.attributes());
        } else if (object instanceof RangeType type) {
            out.statement(TypeDdl.createRange(type));
            comment("TYPE", type.name(), type.comment());
        } else if (object instanceof BaseType type) {
            if (!type.shell()) {
                out.statement(TypeDdl.defineBase(type));
            }
        } else if (object instanceof Sequence sequence) {
            out.statement(SequenceDdl.create(sequence));
            comment("SEQUENCE", sequence.name(), sequence.comment());
        } else if (object instanceof Routine routine) {
            out.statement(routine.definition());
            if (routine.comment() != null) {
                out.statement(CommentDdl.onRoutine(routine));
            }
        } else if (object instanceof Operator operator) {
            out.statement(OperatorDdl.create(operator));
            if (operator.comment() != null) {
                out.statement(CommentDdl.onOperator(operator, operator.comment()));
            }
        } else if (object instanceof Cast cast) {
            List<String> statements = new ArrayList<>(List.of(CastDdl.create(cast)));
            if (cast.comment() != null) {
                statements.add(CommentDdl.onCast(cast, cast.comment()));
            }
            if (cast.binaryCoercible()) {
                statements = List.of(SuperuserOnly.guard("cast " + CastDdl.signature(cast), statements));
            }
            for (String statement : statements) {
                out.statement(statement);
            }
        } else if (object instanceof Table table) {
            createTable(table, deferred);
        } else {
            createView((View) object);
        }
    }

    private void createTable(Table source, Set<ColumnReference> deferred) throws IOException {
        Table table = source.withConstraints(source.constraints().stream().filter(c -> !order.deferredChecks()
                .contains(new CreationOrder.CheckReference(source.name(), c.name()))).toList());
        Set<String> deferredHere = deferred.stream().filter(c -> c.table().equals(table.name()))
                .map(ColumnReference::column).collect(Collectors.toSet());
        Table parent = table.partitionOf() == null ? null : tablesByName.get(table.partitionOf().parent());
        if (parent != null && !TableDdl.recreatedAsPartitionOf(table, parent)) {
            out.statement(TableDdl.createDetached(table, deferredHere));
            out.statement(TableDdl.attach(table));
        } else {
            out.statement(TableDdl.create(table, deferredHere, parentColumns(table)));
        }
        for (String fixup : TableDdl.columnFixups(table, parentColumns(table), deferredHere)) {
            out.statement(fixup);
        }
        comment("TABLE", table.name(), table.comment());
        columnComments(table.name(), table.columns());
        for (Column column : table.columns()) {
            Sequence identity = column.identity() == null ? null : column.identity().sequence();
            if (identity != null && identity.comment() != null) {
                comment("SEQUENCE", identity.name(), identity.comment());
            }
            if (identity != null && identity.unlogged() != table.unlogged() && catalog.serverVersionNum() >= 150000) {
                // An identity sequence is made as its table is; PostgreSQL 15+ lets it differ. Before 15 every
                // sequence is logged, an unlogged table's too, and no statement changes that.
                out.statement("ALTER SEQUENCE " + SqlQuote.qualified(identity.name())
                        + (identity.unlogged() ? " SET UNLOGGED" : " SET LOGGED"));
            }
        }
    }

    /**
     * Whether a view is created first with its columns only and given its query later: when it reads itself, is in
     * a cycle of views, or needs a constraint that the post-data section adds.
     */
    boolean placeholder(View view) {
        return !view.materialized() && (view.selfReferencing() || view.reliesOnConstraint() || order.inCycle(view));
    }

    private void createView(View view) throws IOException {
        out.statement(placeholder(view) ? ViewDdl.placeholder(view) : ViewDdl.create(view));
        for (Column column : view.columns()) {
            if (column.defaultExpression() != null) {
                out.statement(ViewDdl.setDefault(view, column));
            }
            if (view.materialized() && column.compression() != null) {
                out.statement(ViewDdl.setCompression(view, column));
            }
        }
        comment(ViewDdl.kind(view), view.name(), view.comment());
        columnComments(view.name(), view.columns());
    }

    /** For each column a table has through its parents, the first parent's column of that name. */
    private Map<String, Column> parentColumns(Table table) {
        List<QualifiedName> parents = table.partitionOf() != null ? List.of(table.partitionOf().parent())
                : table.inherits();
        Map<String, Column> columns = new HashMap<>();
        for (QualifiedName parent : parents) {
            Table parentTable = tablesByName.get(parent);
            if (parentTable != null) {
                parentTable.columns().forEach(c -> columns.putIfAbsent(c.name(), c));
            }
        }
        return columns;
    }

    /**
     * Gives the {@code public} schema the source's comment (or none) when it differs from the one every new database
     * has. The target's {@code public} schema belongs to its creator before PostgreSQL 15, so the comment is set
     * only when the restoring role may, with a warning otherwise.
     */
    private void publicComment(String comment) throws IOException {
        if (DEFAULT_PUBLIC_COMMENT.equals(comment)) {
            return;
        }
        out.statement("DO " + SqlQuote.literal("BEGIN IF pg_catalog.pg_has_role((SELECT n.nspowner FROM "
                + "pg_catalog.pg_namespace n WHERE n.nspname = 'public'), 'USAGE') THEN "
                + CommentDdl.onUnqualified("SCHEMA", "public", comment) + "; ELSE RAISE WARNING "
                + SqlQuote.literal("The comment of schema public was not restored: only its owner may set it.")
                + "; END IF; END"));
    }

    private void comment(String kind, QualifiedName name, String comment) throws IOException {
        if (comment != null) {
            out.statement(CommentDdl.on(kind, name, comment));
        }
    }

    private void columnComments(QualifiedName relation, List<Column> columns) throws IOException {
        for (Column column : columns) {
            if (column.comment() != null) {
                out.statement(CommentDdl.onColumn(relation, column.name(), column.comment()));
            }
        }
    }
}
