package io.persistor.core.internal.backup;

import io.persistor.ObjectFilter;
import io.persistor.PersistorException;
import io.persistor.model.Catalog;
import io.persistor.model.Constraint;
import io.persistor.model.Dependency;
import io.persistor.model.ObjectKey;
import io.persistor.model.Privileges;
import io.persistor.model.QualifiedName;
import io.persistor.model.Routine;
import io.persistor.model.Sequence;
import io.persistor.model.Table;
import io.persistor.model.View;
import io.persistor.spi.BackupPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Narrows a catalog to what one backup writes. Without {@code tables(...)} that is everything in the schemas;
 * with it, the named tables (with their partitions), the sequences they own or use, and every type, routine and
 * extension, but no views. Excluded tables take their partitions and inheriting tables with them. Whatever would
 * then refer to a table that is not there (foreign keys, views, routines) is left out too, with a note.
 *
 * @param catalog the objects to write
 * @param notes   what the script's header tells its reader about what was left out
 */
record BackupSelection(Catalog catalog, List<String> notes) {

    static BackupSelection of(Catalog catalog, BackupPlan plan) {
        List<String> notes = new ArrayList<>();
        catalog.skipped().forEach(reason -> notes.add("Not backed up: " + reason + "."));
        Set<QualifiedName> kept = catalog.tables().stream().map(Table::name).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!plan.tables().isEmpty()) {
            kept = chosen(catalog, plan);
        }
        kept.removeAll(excluded(catalog, plan));
        kept.retainAll(filtered(catalog, plan.filter()));
        kept = withoutOrphans(catalog, kept, notes);
        Set<QualifiedName> keptTables = kept;

        Set<ObjectKey> removed = new HashSet<>();
        catalog.tables().stream().filter(t -> !keptTables.contains(t.name())).forEach(t -> removed.add(t.key()));
        List<Sequence> sequences = catalog.sequences();
        if (chosesTables(plan)) {
            Set<ObjectKey> used = catalog.dependencies().stream()
                    .filter(d -> keptTables.contains(d.dependent().name()) && d.dependent().kind() == ObjectKey.Kind.RELATION
                        && d.ordersCreation())
                    .map(Dependency::referenced).collect(Collectors.toSet());
            sequences = sequences.stream().filter(s -> used.contains(s.key())
                    || s.ownedBy() != null && keptTables.contains(s.ownedBy().table())).collect(Collectors.toList());
        } else {
            sequences = sequences.stream().filter(s -> s.ownedBy() == null || keptTables.contains(s.ownedBy().table()))
                    .collect(Collectors.toList());
        }
        List<View> views = chosesTables(plan) ? List.of() : catalog.views();
        if (views.isEmpty()) {
            catalog.views().forEach(v -> removed.add(v.key()));
        }
        Set<ObjectKey> unwanted = dependentsOf(catalog, removed);
        List<View> keptViews = withoutUnwanted(views, View::key, v -> "View " + v.name(), unwanted, notes);
        List<Routine> routines = withoutUnwanted(catalog.routines(), Routine::key, r -> "Routine " + r.key(),
                unwanted, notes);
        List<Table> tables = new ArrayList<>();
        for (Table table : catalog.tables()) {
            if (keptTables.contains(table.name())) {
                tables.add(withoutDanglingForeignKeys(table, keptTables, notes));
            }
        }
        Set<ObjectKey> keptRelations = new HashSet<>();
        tables.forEach(t -> keptRelations.add(t.key()));
        keptViews.forEach(v -> keptRelations.add(v.key()));
        sequences.forEach(s -> keptRelations.add(s.key()));
        Set<ObjectKey> keptRoutines = routines.stream().map(Routine::key).collect(Collectors.toSet());
        List<Privileges> privileges = catalog.privileges().stream().filter(p -> switch (p.kind()) {
            case "TABLE", "VIEW", "MATERIALIZED VIEW", "SEQUENCE" -> keptRelations.contains(ObjectKey.relation(p.name()));
            case "FUNCTION", "PROCEDURE", "AGGREGATE" ->
                    keptRoutines.contains(new ObjectKey(ObjectKey.Kind.ROUTINE, p.name(), p.arguments()));
            default -> true;
        }).collect(Collectors.toList());
        return new BackupSelection(new Catalog(catalog.serverVersion(), catalog.serverVersionNum(), catalog.database(),
                catalog.schemas(), catalog.extensions(), catalog.collations(), catalog.dictionaries(),
                catalog.configurations(), catalog.enumTypes(), catalog.domainTypes(),
                catalog.compositeTypes(), catalog.rangeTypes(), catalog.baseTypes(), sequences, tables, keptViews, routines,
                catalog.operators(), catalog.casts(), catalog.definitions().stream()
                        .filter(d -> plan.allSchemas() || !d.databaseWide())
                        .filter(d -> plan.privileges() || !d.kind().equals("default privileges")).toList(), privileges,
                catalog.dependencies(), catalog.skipped()), notes);
    }

    /** Keeps the objects that are not unwanted, and notes each one left out. */
    private static <T> List<T> withoutUnwanted(List<T> objects, Function<T, ObjectKey> key, Function<T, String> label,
                                               Set<ObjectKey> unwanted, List<String> notes) {
        List<T> kept = new ArrayList<>();
        for (T object : objects) {
            if (unwanted.contains(key.apply(object))) {
                notes.add(label.apply(object) + " is left out: it depends on a table that is not in this backup.");
            } else {
                kept.add(object);
            }
        }
        return kept;
    }

    /** Whether the backup names its tables (by {@code tables(...)} or a filter file's includes): then no views. */
    private static boolean chosesTables(BackupPlan plan) {
        return !plan.tables().isEmpty() || plan.filter().includesTables();
    }

    /** The tables a filter file takes, with the partitions of those it takes. */
    private static Set<QualifiedName> filtered(Catalog catalog, ObjectFilter filter) {
        Set<QualifiedName> taken = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Table table : catalog.tables()) {
                boolean takes = filter.takesTable(table.name().schema(), table.name().name())
                        || table.partitionOf() != null && taken.contains(table.partitionOf().parent());
                grew |= takes && taken.add(table.name());
            }
        }
        return taken;
    }

    private static Set<QualifiedName> chosen(Catalog catalog, BackupPlan plan) {
        Set<QualifiedName> chosen = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>(plan.tables());
        for (Table table : catalog.tables()) {
            if (plan.tables().contains(table.name().name())) {
                chosen.add(table.name());
                missing.remove(table.name().name());
            }
        }
        if (!missing.isEmpty()) {
            throw new PersistorException("tables(...) (-t in the CLI) names tables that do not exist in schema " + plan.schemas()
                    + " or that the role cannot see: " + String.join(", ", missing)
                    + ". Names are case-sensitive and given without quotes.");
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Table table : catalog.tables()) {
                if (table.partitionOf() != null && chosen.contains(table.partitionOf().parent())) {
                    grew |= chosen.add(table.name());
                }
            }
        }
        return chosen;
    }

    private static Set<QualifiedName> excluded(Catalog catalog, BackupPlan plan) {
        Predicate<QualifiedName> excluded = excludedByName(plan);
        return catalog.tables().stream().map(Table::name).filter(excluded).collect(Collectors.toSet());
    }

    /**
     * Which tables the plan's names alone take, each given followed by the tables it is a partition of (its parent
     * first), as {@link #of} takes them: named by {@code tables(...)} when any are, itself or one of those; none
     * of them matched by an {@code excludeTables(...)} pattern; and itself or one of those taken by the filter. What
     * else comes with the catalog (tables whose parents by inheritance are excluded or missing) is decided by
     * {@link #of}.
     */
    static Predicate<List<QualifiedName>> takenByName(BackupPlan plan) {
        Predicate<QualifiedName> excluded = excludedByName(plan);
        return chain -> (plan.tables().isEmpty() || chain.stream().anyMatch(t -> plan.tables().contains(t.name())))
                && chain.stream().noneMatch(excluded)
                && chain.stream().anyMatch(t -> plan.filter().takesTable(t.schema(), t.name()));
    }

    private static Predicate<QualifiedName> excludedByName(BackupPlan plan) {
        List<Predicate<QualifiedName>> patterns = new ArrayList<>();
        for (String pattern : plan.excludedTables()) {
            Pattern regex = glob(pattern);
            boolean qualified = pattern.contains(".");
            patterns.add(table -> regex.matcher(qualified ? table.schema() + "." + table.name() : table.name())
                    .matches());
        }
        return table -> patterns.stream().anyMatch(pattern -> pattern.test(table));
    }

    /** Partitions and inheriting tables cannot be created without their parents. */
    private static Set<QualifiedName> withoutOrphans(Catalog catalog, Set<QualifiedName> kept, List<String> notes) {
        Set<QualifiedName> result = new LinkedHashSet<>(kept);
        boolean shrank = true;
        while (shrank) {
            shrank = false;
            for (Table table : catalog.tables()) {
                List<QualifiedName> parents = table.partitionOf() != null ? List.of(table.partitionOf().parent())
                        : table.inherits();
                if (result.contains(table.name()) && !result.containsAll(parents)) {
                    result.remove(table.name());
                    notes.add("Table " + table.name() + " is left out: its parent " + parents
                            + " is not in this backup.");
                    shrank = true;
                }
            }
        }
        return result;
    }

    /** The views and routines that need a removed object, directly or through other views and routines. */
    private static Set<ObjectKey> dependentsOf(Catalog catalog, Set<ObjectKey> removed) {
        Set<ObjectKey> candidates = new HashSet<>();
        catalog.views().forEach(v -> candidates.add(v.key()));
        catalog.routines().forEach(r -> candidates.add(r.key()));
        Set<ObjectKey> result = new HashSet<>();
        Set<ObjectKey> frontier = new HashSet<>(removed);
        while (!frontier.isEmpty()) {
            Set<ObjectKey> next = new HashSet<>();
            for (Dependency dependency : catalog.dependencies()) {
                if (dependency.ordersCreation() && frontier.contains(dependency.referenced())
                        && candidates.contains(dependency.dependent())
                        && !removed.contains(dependency.dependent()) && result.add(dependency.dependent())) {
                    next.add(dependency.dependent());
                }
            }
            frontier = next;
        }
        return result;
    }

    private static Table withoutDanglingForeignKeys(Table table, Set<QualifiedName> present, List<String> notes) {
        List<Constraint> constraints = new ArrayList<>();
        for (Constraint constraint : table.constraints()) {
            if (constraint.kind() == Constraint.Kind.FOREIGN_KEY && !present.contains(constraint.referencedTable())) {
                if (constraint.local()) {
                    notes.add("Foreign key " + constraint.name() + " on " + table.name() + " is left out: it references "
                            + constraint.referencedTable() + ", which is not in this backup.");
                }
            } else {
                constraints.add(constraint);
            }
        }
        return table.withConstraints(constraints);
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
