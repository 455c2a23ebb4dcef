package io.persistor.core.internal.diff;

import io.persistor.core.internal.ddl.CastDdl;
import io.persistor.core.internal.ddl.SequenceDdl;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reduces a catalog to {@link Described} objects. On the source side, schema names are mapped to the target's, in
 * names and inside definitions, so a schema compared with a differently named one lines up.
 */
final class CatalogDescriber {

    /** The creation order of text search configurations and types: sequences, routines and tables come later. */
    static final int TYPES = 3;

    /** The creation order of views: after the columns of tables. */
    static final int VIEWS = 9;

    /** A rank after every member of a table (constraints, indexes, triggers...). */
    static final int AFTER_MEMBERS = 14;

    /** A column with the table or view it belongs to. */
    record ColumnOf(QualifiedName relation, Column column, boolean view) {
    }

    /** An object that lives on a table: a constraint, index, trigger, rule, policy or statistics object. */
    record Member(QualifiedName table, Object member, boolean partitioned) {
    }

    private final Map<String, String> schemaMap;
    private final Renames renames;
    private final List<Described> out = new ArrayList<>();

    private CatalogDescriber(Map<String, String> schemaMap, Renames renames) {
        this.schemaMap = schemaMap;
        this.renames = renames;
    }

    /**
     * Describes a catalog.
     *
     * @param catalog   the catalog
     * @param schemaMap source schema to target schema; empty for the target side
     * @param renames   the tables and columns to describe under their new names; none for the source side
     * @return its objects
     */
    static List<Described> describe(Catalog catalog, Map<String, String> schemaMap, Renames renames) {
        CatalogDescriber describer = new CatalogDescriber(schemaMap, renames);
        describer.all(catalog);
        return describer.out;
    }

    private void all(Catalog catalog) {
        for (Schema schema : catalog.schemas()) {
            add("schema", schema(schema.name()), 0, schema).with("comment", schema.comment());
        }
        for (Extension extension : catalog.extensions()) {
            add("extension", extension.name(), 1, extension).with("schema", schema(extension.schema()))
                    .with("comment", extension.comment());
        }
        for (Collation collation : catalog.collations()) {
            add("collation", name(collation.name()), 2, collation).with("provider", collation.provider())
                    .with("collate", collation.collate()).with("ctype", collation.ctype())
                    .with("locale", collation.locale()).with("rules", collation.rules())
                    .with("deterministic", collation.deterministic()).with("comment", collation.comment());
        }
        for (TextSearchDictionary dictionary : catalog.dictionaries()) {
            add("text search dictionary", name(dictionary.name()), 2, dictionary)
                    .with("template", dictionary.template()).with("options", dictionary.options())
                    .with("comment", dictionary.comment());
        }
        for (TextSearchConfiguration configuration : catalog.configurations()) {
            // Ranked with the types, after the dictionaries its mappings name.
            add("text search configuration", name(configuration.name()), TYPES, configuration)
                    .with("parser", configuration.parser())
                    .with("mappings", configuration.mappings().stream()
                            .map(m -> m.tokenType() + " " + map(String.join(", ", m.dictionaries()))).toList())
                    .with("comment", configuration.comment());
        }
        for (EnumType type : catalog.enumTypes()) {
            add("enum", name(type.name()), TYPES, type).with("labels", type.labels()).with("comment", type.comment());
        }
        for (DomainType domain : catalog.domainTypes()) {
            add("domain", name(domain.name()), TYPES, domain).with("base type", map(domain.baseType()))
                    .with("collation", domain.collation()).with("default", map(domain.defaultExpression()))
                    .with("not null", domain.notNull())
                    .with("constraints", domain.constraints().stream().map(c -> c.name() + " " + map(c.definition()))
                            .collect(Collectors.joining(", ")))
                    .with("comment", domain.comment());
        }
        for (CompositeType type : catalog.compositeTypes()) {
            add("type", name(type.name()), TYPES, type).with("attributes", type.attributes().stream()
                    .map(a -> a.name() + " " + map(a.type()) + (a.collation() == null ? "" : " COLLATE " + a.collation()))
                    .collect(Collectors.joining(", "))).with("comment", type.comment());
        }
        for (RangeType type : catalog.rangeTypes()) {
            add("range type", name(type.name()), TYPES, type).with("subtype", map(type.subtype()))
                    .with("subtype opclass", type.subtypeOpclass()).with("collation", type.collation())
                    .with("canonical", map(type.canonical())).with("subtype diff", map(type.subtypeDiff()))
                    .with("comment", type.comment());
        }
        for (Sequence sequence : catalog.sequences()) {
            add("sequence", name(sequence.name()), 4, sequence).with("type", sequence.dataType())
                    .with("start", sequence.start()).with("increment", sequence.increment())
                    .with("min", sequence.minValue()).with("max", sequence.maxValue()).with("cache", sequence.cache())
                    .with("cycle", sequence.cycle()).with("unlogged", sequence.unlogged())
                    .with("owned by", sequence.ownedBy() == null ? null
                            : name(renames.table(sequence.ownedBy().table())) + "."
                            + renames.column(sequence.ownedBy().table(), sequence.ownedBy().column()))
                    .with("comment", sequence.comment());
        }
        for (Routine routine : catalog.routines()) {
            add(routine.kind().name().toLowerCase(Locale.ROOT),
                    name(routine.name()) + "(" + withoutInMode(map(routine.arguments())) + ")", 5, routine)
                    .with("definition", withoutInMode(map(routine.definition()))).with("comment", routine.comment());
        }
        for (Operator operator : catalog.operators()) {
            // After the routines that implement operators, before the tables and views that use them.
            add("operator", name(operator.name()) + "(" + map(operator.arguments()) + ")", 6, operator)
                    .with("function", map(operator.function())).with("commutator", map(operator.commutator()))
                    .with("negator", map(operator.negator())).with("restrict", operator.restrict())
                    .with("join", operator.join()).with("hashes", operator.hashes())
                    .with("merges", operator.merges()).with("comment", operator.comment());
        }
        for (Cast cast : catalog.casts()) {
            add("cast", map(CastDdl.signature(cast)), 6, cast).with("function", map(cast.function()))
                    .with("binary coercible", cast.binaryCoercible() ? true : null)
                    .with("context", cast.context()).with("comment", cast.comment());
        }
        for (Table table : catalog.tables()) {
            table(table);
        }
        for (View view : catalog.views()) {
            String kind = view.materialized() ? "materialized view" : "view";
            add(kind, name(view.name()), VIEWS, view)
                    .with("query", unqualifiedColumns(renames.definition(map(view.query()), null)))
                    .with("options", view.options().isEmpty() ? null : view.options())
                    .with("access method", view.accessMethod())
                    .with("cluster on", view.clusterOn()).with("comment", view.comment());
            for (Column column : view.columns()) {
                add("view column", name(view.name()) + "." + column.name(), 10, new ColumnOf(view.name(), column, true))
                        .with("default", map(column.defaultExpression())).with("comment", column.comment());
            }
            members(view.name(), view.name(), false, view.indexes(), view.triggers(), view.rules(), List.of(),
                    List.of());
        }
    }

    private void table(Table table) {
        QualifiedName renamed = renames.table(table.name());
        String name = name(renamed);
        add("table", name, 7, table).with("unlogged", table.unlogged())
                .with("options", table.options().isEmpty() ? null : table.options())
                .with("access method", table.accessMethod())
                .with("partitioned by", table.partitionKey()).with("of type", map(table.ofType()))
                .with("partition of", table.partitionOf() == null ? null
                        : name(renames.table(table.partitionOf().parent())) + " " + table.partitionOf().bound())
                .with("inherits", table.inherits().isEmpty() ? null
                        : table.inherits().stream().map(renames::table).map(this::name).collect(Collectors.toList()))
                .with("row security", table.rowSecurity() ? "enabled" : null)
                .with("force row security", table.forceRowSecurity() ? "forced" : null)
                .with("replica identity", table.replicaIdentity() == null ? null
                        : table.replicaIdentity().kind() + " " + table.replicaIdentity().index())
                .with("cluster on", table.clusterOn())
                .with("comment", table.comment());
        for (Column original : table.columns()) {
            Column column = renames.renamed(table.name(), original);
            add("column", name + "." + column.name(), 8, new ColumnOf(renamed, column, false))
                    .with("type", map(column.type())).with("not null", notNull(renamed, column))
                    .with("default", rewrite(column.defaultExpression(), table.name()))
                    .with("generated", column.generated() == null ? null
                            : rewrite(column.generated().expression(), table.name())
                            + (column.generated().stored() ? " stored" : " virtual"))
                    .with("identity", column.identity() == null ? null : column.identity().generation())
                    .with("identity sequence", column.identity() == null || column.identity().sequence() == null
                            ? null : SequenceDdl.options(column.identity().sequence()))
                    .with("collation", column.collation()).with("storage", column.storage())
                    .with("statistics", column.statisticsTarget()).with("options", column.options())
                    .with("compression", column.compression()).with("comment", column.comment());
        }
        members(renamed, table.name(), table.partitioned(), table.indexes(), table.triggers(), table.rules(),
                table.policies(), table.statistics());
        for (Constraint constraint : table.constraints()) {
            if (constraint.local() && constraint.kind() != Constraint.Kind.TRIGGER) {
                add("constraint", name + "." + constraint.name(), 11, new Member(renamed, constraint,
                        table.partitioned())).with("definition", rewrite(constraint.definition(), table.name()))
                        .with("comment", constraint.comment());
            }
        }
    }

    /**
     * Describes the members of a table or view.
     *
     * @param relation its name, after renames
     * @param owner    its name in its catalog, which the renames know it by
     */
    private void members(QualifiedName relation, QualifiedName owner, boolean partitioned, List<Index> indexes,
                         List<Trigger> triggers, List<Rule> rules, List<Policy> policies,
                         List<StatisticsObject> statistics) {
        String name = name(relation);
        for (Index index : indexes) {
            add("index", schema(relation.schema()) + "." + index.name(), 12, new Member(relation, index, partitioned))
                    .with("definition", rewrite(index.definition(), owner))
                    .with("attached to", index.attachedTo() == null ? null
                            : schema(index.attachedTo().schema()) + "." + index.attachedTo().name())
                    .with("comment", index.comment());
        }
        for (Trigger trigger : triggers) {
            add("trigger", name + "." + trigger.name(), 13, new Member(relation, trigger, partitioned))
                    .with("definition", rewrite(trigger.definition(), owner)).with("enabled", trigger.enabled())
                    .with("comment", trigger.comment());
        }
        for (Rule rule : rules) {
            add("rule", name + "." + rule.name(), 13, new Member(relation, rule, partitioned))
                    .with("definition", rewrite(rule.definition(), owner)).with("comment", rule.comment());
        }
        for (Policy policy : policies) {
            add("policy", name + "." + policy.name(), 13, new Member(relation, policy, partitioned))
                    .with("permissive", policy.permissive()).with("command", policy.command())
                    .with("roles", policy.roles()).with("using", rewrite(policy.using(), owner))
                    .with("with check", rewrite(policy.withCheck(), owner)).with("comment", policy.comment());
        }
        for (StatisticsObject object : statistics) {
            add("statistics", name(object.name()), 13, new Member(relation, object, partitioned))
                    .with("definition", rewrite(object.definition(), owner)).with("target", object.target())
                    .with("comment", object.comment());
        }
    }

    private Described add(String kind, String name, int order, Object source) {
        Described described = Described.of(kind, name, order, source);
        out.add(described);
        return described;
    }

    private String schema(String name) {
        return schemaMap.getOrDefault(name, name);
    }

    private String name(QualifiedName name) {
        return schema(name.schema()) + "." + name.name();
    }

    /** Rewrites a definition's qualified names from source schemas to target schemas. */
    private String map(String text) {
        if (text == null || schemaMap.isEmpty()) {
            return text;
        }
        String result = text;
        for (Map.Entry<String, String> entry : schemaMap.entrySet()) {
            result = result.replace(quote(entry.getKey()) + ".", quote(entry.getValue()) + ".")
                    .replace(entry.getKey() + ".", entry.getValue() + ".");
        }
        return result;
    }

    /**
     * A column's {@code NOT NULL}, with the name of its own constraint (PostgreSQL 18) unless it is the one the
     * server would choose for the table and column (as named after renames); an inherited one has its parent's.
     */
    private static String notNull(QualifiedName table, Column column) {
        if (!column.notNull()) {
            return null;
        }
        String name = column.notNullName();
        return name == null || !column.notNullLocal()
                || name.equals(table.name() + "_" + column.name() + "_not_null") ? "not null" : "not null " + name;
    }

    /** Rewrites a definition belonging to a table for schema mapping and renames. */
    private String rewrite(String text, QualifiedName owner) {
        return renames.definition(map(text), owner);
    }

    /** PostgreSQL 13 writes procedures' arguments as {@code IN x integer}, later majors as {@code x integer}. */
    private static String withoutInMode(String text) {
        return text.replaceAll("(^|\\(|, )IN ", "$1");
    }

    /**
     * PostgreSQL 16 and later leave out the table name before a column of a query's only table, earlier majors
     * write it; with the prefixes of names dropped on both sides, the same view compares equal on every major
     * (at the price of not telling views apart that differ only in a qualifier).
     */
    private static String unqualifiedColumns(String query) {
        return query.replaceAll("\\b[A-Za-z_][A-Za-z0-9_$]*\\.(?=[A-Za-z_\"])", "");
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
