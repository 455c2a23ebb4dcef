package io.persistor.core.internal.diff;

import io.persistor.Difference;
import io.persistor.SchemaComparison;
import io.persistor.core.internal.ddl.CreationOrder;
import io.persistor.model.Catalog;
import io.persistor.model.Dependency;
import io.persistor.model.ObjectKey;
import io.persistor.model.Table;
import io.persistor.model.View;
import io.persistor.spi.DiffPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * Compares two catalogs object by object. An object only one side has is missing or extra; an object both have
 * differs in the properties whose normalised text differs. The parts of a table or view that only one side has at
 * all (its columns, keys, indexes...) are not listed again: the table is.
 */
public final class SchemaComparer {

    private SchemaComparer() {
    }

    /**
     * Compares.
     *
     * @param source the catalog the target should match
     * @param target the catalog to compare
     * @param plan   the schema mapping and whether destructive statements may run
     * @return the differences and the migration
     */
    public static SchemaComparison compare(Catalog source, Catalog target, DiffPlan plan) {
        Renames renames = Renames.of(plan.renames(), source, target);
        Map<String, Described> sources = index(CatalogDescriber.describe(source, plan.schemaMap(), Renames.NONE));
        Map<String, Described> targets = index(CatalogDescriber.describe(target, Map.of(), renames));
        Set<String> wholeRelations = new HashSet<>();
        for (String key : sources.keySet()) {
            if (!targets.containsKey(key)) {
                wholeRelations.add(sources.get(key).name());
            }
        }
        for (String key : targets.keySet()) {
            if (!sources.containsKey(key)) {
                wholeRelations.add(targets.get(key).name());
            }
        }
        List<Change> changes = new ArrayList<>();
        for (Described described : sources.values()) {
            Described other = targets.get(described.key());
            if (other == null) {
                changes.add(new Change(Difference.Change.MISSING_IN_TARGET, described, null, List.of()));
            } else {
                List<String> details = details(described, other);
                if (!details.isEmpty()) {
                    changes.add(new Change(Difference.Change.DIFFERENT, described, other, details));
                }
            }
        }
        for (Described described : targets.values()) {
            if (!sources.containsKey(described.key())) {
                changes.add(new Change(Difference.Change.EXTRA_IN_TARGET, null, described, List.of()));
            }
        }
        changes.removeIf(change -> isPartOfWhole(change.object(), wholeRelations));
        changes.sort(creationOrder(source));
        List<Difference> differences = new ArrayList<>();
        for (Change change : changes) {
            differences.add(new Difference(change.object().kind(), change.object().name(), change.change(),
                    change.details()));
        }
        MigrationWriter writer = new MigrationWriter(source, target,
                new MigrationWriter.Options(plan.allowed(), plan.schemaMap(), plan.online(), plan.lockTimeout(),
                        plan.statementTimeout(), renames));
        return new SchemaComparison(differences, writer.write(changes, sources, targets, creationOrder(source)),
                plan.source() == null || plan.target() == null ? null : new MigrationVerifier(plan));
    }

    /**
     * The order of the changes: by kind (schemas and extensions first, the parts of tables and views after them),
     * except that the source's types, sequences, routines, operators, casts and tables, which may need one another
     * whatever their kinds, come in the source's creation order, as do its views among themselves and with the
     * routines and types that need them (a function returning a view's rows).
     */
    private static Comparator<Change> creationOrder(Catalog source) {
        Map<Object, Integer> positions = CreationOrder.preData(source).positions();
        Set<ObjectKey> needViews = needingViews(source);
        ToIntFunction<Change> band = change -> {
            Object object = change.sourceSide() == null ? null : change.sourceSide().source();
            if (object == null || !positions.containsKey(object)) {
                return change.object().order();
            }
            if (object instanceof View view && view.reliesOnConstraint()) {
                return CatalogDescriber.AFTER_MEMBERS; // its GROUP BY needs a key created with the tables' members
            }
            boolean amongViews = object instanceof View
                    || !(object instanceof Table) && needViews.contains(TargetDependents.keyOf(object));
            return amongViews ? CatalogDescriber.VIEWS : CatalogDescriber.TYPES;
        };
        // Within a band, what is not in the creation order (text search configurations) comes first.
        ToIntFunction<Change> position = change -> change.sourceSide() == null ? -1
                : positions.getOrDefault(change.sourceSide().source(), -1);
        return Comparator.comparingInt(band).thenComparingInt(position).thenComparing(change -> change.object().name());
    }

    /** The routines, types, operators and casts that need a view, directly or not: they come among the views. */
    private static Set<ObjectKey> needingViews(Catalog source) {
        Set<ObjectKey> found = new HashSet<>();
        source.views().forEach(v -> found.add(v.key()));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Dependency dependency : source.dependencies()) {
                if (dependency.ordersCreation() && found.contains(dependency.referenced())
                        && dependency.dependent().kind() != ObjectKey.Kind.RELATION) {
                    grew |= found.add(dependency.dependent());
                }
            }
        }
        return found;
    }

    /** One difference with both sides' descriptions, for the migration. */
    record Change(Difference.Change change, Described sourceSide, Described targetSide, List<String> details) {

        Described object() {
            return sourceSide != null ? sourceSide : targetSide;
        }
    }

    private static Map<String, Described> index(List<Described> objects) {
        Map<String, Described> byKey = new LinkedHashMap<>();
        objects.forEach(o -> byKey.put(o.key(), o));
        return byKey;
    }

    private static List<String> details(Described source, Described target) {
        List<String> details = new ArrayList<>();
        Set<String> properties = new TreeSet<>(source.properties().keySet());
        properties.addAll(target.properties().keySet());
        for (String property : properties) {
            String a = source.properties().get(property);
            String b = target.properties().get(property);
            if (!Objects.equals(a, b)) {
                details.add(property + ": " + (a == null ? "(none)" : a) + " vs " + (b == null ? "(none)" : b));
            }
        }
        return details;
    }

    /** Whether an object belongs to a table or view that only one side has, so the table's entry covers it. */
    private static boolean isPartOfWhole(Described object, Set<String> wholeRelations) {
        if (object.source() instanceof CatalogDescriber.ColumnOf column) {
            return wholeRelations.contains(column.relation().schema() + "." + column.relation().name())
                    || wholeRelations.contains(object.name().substring(0, object.name().lastIndexOf('.')));
        }
        if (object.source() instanceof CatalogDescriber.Member member) {
            String relation = object.kind().equals("index") || object.kind().equals("statistics")
                    ? null : object.name().substring(0, object.name().lastIndexOf('.'));
            return relation != null ? wholeRelations.contains(relation)
                    : wholeRelations.contains(member.table().schema() + "." + member.table().name());
        }
        return false;
    }
}
