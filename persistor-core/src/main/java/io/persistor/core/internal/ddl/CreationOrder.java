package io.persistor.core.internal.ddl;

import io.persistor.model.Cast;
import io.persistor.model.Catalog;
import io.persistor.model.ColumnReference;
import io.persistor.model.Dependency;
import io.persistor.model.ObjectKey;
import io.persistor.model.Operator;
import io.persistor.model.QualifiedName;
import io.persistor.model.Routine;
import io.persistor.model.Sequence;
import io.persistor.model.Table;
import io.persistor.model.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * Orders the objects of the pre-data section by their dependencies: every object comes after the objects it
 * needs, ties broken by kind (types, sequences, routines, tables, views) and then by name, so the order is
 * deterministic. Column defaults that call routines are set after every object exists, which breaks the usual
 * cycle (a table whose default calls a function that returns the table's rows); a check constraint that calls a
 * routine which needs the constraint's own table (its row type, or a SQL-standard body reading it) is added after
 * the table, as pg_dump does.
 *
 * @param <T> the objects being ordered
 */
public final class CreationOrder<T> {

    private final Map<ObjectKey, T> objects;
    // By identity: hashing a table's whole record on each comparison of the sort would cost more than the sort.
    private final Map<T, ObjectKey> keys = new IdentityHashMap<>();
    private final Comparator<T> tieBreak;
    private final Set<ColumnReference> deferredDefaults = new LinkedHashSet<>();
    private final Set<CheckReference> deferredChecks = new LinkedHashSet<>();
    private final Map<ObjectKey, Set<ObjectKey>> needs = new HashMap<>();

    /**
     * Prepares the order.
     *
     * @param objects  the objects to order, by key
     * @param rank     each object's kind rank, lower first among equals
     * @param catalog  the catalog whose dependencies link them
     */
    public CreationOrder(Map<ObjectKey, T> objects, ToIntFunction<T> rank, Catalog catalog) {
        this.objects = objects;
        objects.forEach((key, object) -> keys.put(object, key));
        this.tieBreak = Comparator.<T>comparingInt(rank).thenComparing(keys::get);
        for (Dependency dependency : catalog.dependencies()) {
            if (dependency.viaColumnDefault() != null && dependency.referenced().kind() == ObjectKey.Kind.ROUTINE) {
                deferredDefaults.add(new ColumnReference(dependency.dependent().name(), dependency.viaColumnDefault()));
            }
        }
        List<Dependency> throughChecks = new ArrayList<>();
        for (Dependency dependency : catalog.dependencies()) {
            boolean throughDeferredDefault = dependency.viaColumnDefault() != null
                    && dependency.referenced().kind() == ObjectKey.Kind.ROUTINE;
            if (throughDeferredDefault || !dependency.ordersCreation() || !objects.containsKey(dependency.dependent())
                    || !objects.containsKey(dependency.referenced())) {
                continue;
            }
            if (dependency.viaCheck() != null && dependency.referenced().kind() == ObjectKey.Kind.ROUTINE) {
                throughChecks.add(dependency);
            } else {
                needs.computeIfAbsent(dependency.dependent(), k -> new HashSet<>()).add(dependency.referenced());
            }
        }
        for (Dependency dependency : throughChecks) {
            if (reaches(dependency.referenced(), dependency.dependent())) {
                deferredChecks.add(new CheckReference(dependency.dependent().name(), dependency.viaCheck()));
            } else {
                needs.computeIfAbsent(dependency.dependent(), k -> new HashSet<>()).add(dependency.referenced());
            }
        }
    }

    /**
     * The order of a catalog's pre-data objects: enum, domain, composite, range and base types, sequences, routines,
     * operators, casts, tables and views, ties broken in that order of kinds.
     *
     * @param catalog the catalog
     * @return the order
     */
    public static CreationOrder<Object> preData(Catalog catalog) {
        return new CreationOrder<>(preDataObjects(catalog), CreationOrder::preDataRank, catalog);
    }

    private static Map<ObjectKey, Object> preDataObjects(Catalog catalog) {
        Map<ObjectKey, Object> objects = new LinkedHashMap<>();
        catalog.enumTypes().forEach(t -> objects.put(t.key(), t));
        catalog.domainTypes().forEach(t -> objects.put(t.key(), t));
        catalog.compositeTypes().forEach(t -> objects.put(t.key(), t));
        catalog.rangeTypes().forEach(t -> objects.put(t.key(), t));
        catalog.baseTypes().forEach(t -> objects.put(t.key(), t));
        catalog.sequences().forEach(s -> objects.put(s.key(), s));
        catalog.routines().forEach(r -> objects.put(r.key(), r));
        catalog.operators().forEach(o -> objects.put(o.key(), o));
        catalog.casts().forEach(c -> objects.put(c.key(), c));
        catalog.tables().forEach(t -> objects.put(t.key(), t));
        catalog.views().forEach(v -> objects.put(v.key(), v));
        return objects;
    }

    private static int preDataRank(Object object) {
        if (object instanceof Sequence || object instanceof Cast cast && cast.binaryCoercible()) {
            // A binary-coercible cast as soon as its types exist: a cast function may rely on it.
            return 1;
        } else if (object instanceof Routine || object instanceof Operator || object instanceof Cast) {
            // A cast is used by name only (pg_depend records its function): ranked early, it exists when asked for.
            return 2;
        } else if (object instanceof Table) {
            return 3;
        } else if (object instanceof View view) {
            return view.materialized() ? 5 : 4;
        }
        return 0;
    }

    /** Whether {@code from} needs {@code to}, directly or through other objects. */
    private boolean reaches(ObjectKey from, ObjectKey to) {
        Set<ObjectKey> seen = new HashSet<>();
        List<ObjectKey> pending = new ArrayList<>(List.of(from));
        while (!pending.isEmpty()) {
            ObjectKey next = pending.remove(pending.size() - 1);
            if (next.equals(to)) {
                return true;
            }
            if (seen.add(next)) {
                pending.addAll(needs.getOrDefault(next, Set.of()));
            }
        }
        return false;
    }

    /**
     * Whether an object needs itself through others: a view in a cycle of views replaced to read one another.
     *
     * @param object one of the ordered objects
     * @return {@code true} when it is in a dependency cycle
     */
    public boolean inCycle(T object) {
        ObjectKey key = keys.get(object);
        return key != null && needs.getOrDefault(key, Set.of()).stream().anyMatch(need -> reaches(need, key));
    }

    /**
     * A table's check constraint, by the table's name and the constraint's.
     *
     * @param table      the table
     * @param constraint the constraint's name
     */
    public record CheckReference(QualifiedName table, String constraint) {
    }

    /**
     * Check constraints to add only after the routines they call, which need the constraints' own tables.
     *
     * @return the constraints
     */
    public Set<CheckReference> deferredChecks() {
        return deferredChecks;
    }

    /**
     * Columns whose defaults must be set only after every routine exists.
     *
     * @return the columns
     */
    public Set<ColumnReference> deferredDefaults() {
        return deferredDefaults;
    }

    /**
     * Each object's place in {@link #sorted()}, by identity.
     *
     * @return the positions, from 0
     */
    public Map<T, Integer> positions() {
        Map<T, Integer> positions = new IdentityHashMap<>();
        List<T> sorted = sorted();
        for (int i = 0; i < sorted.size(); i++) {
            positions.put(sorted.get(i), i);
        }
        return positions;
    }

    /**
     * The objects in creation order.
     *
     * @return every object once
     */
    public List<T> sorted() {
        Map<ObjectKey, Integer> waiting = new HashMap<>();
        Map<ObjectKey, List<ObjectKey>> dependents = new HashMap<>();
        for (ObjectKey key : objects.keySet()) {
            Set<ObjectKey> required = needs.getOrDefault(key, Set.of());
            waiting.put(key, required.size());
            for (ObjectKey requiredKey : required) {
                dependents.computeIfAbsent(requiredKey, k -> new ArrayList<>()).add(key);
            }
        }
        PriorityQueue<T> ready = new PriorityQueue<>(tieBreak);
        TreeSet<T> blocked = new TreeSet<>(tieBreak);
        waiting.forEach((key, count) -> (count == 0 ? ready : blocked).add(objects.get(key)));
        List<T> result = new ArrayList<>();
        while (!ready.isEmpty() || !blocked.isEmpty()) {
            // A cycle leaves nothing ready: break it at its first view (which can be created first as a placeholder),
            // else at the first blocked object, as pg_dump would.
            T next = ready.isEmpty() ? cycleBreaker(blocked) : ready.poll();
            result.add(next);
            for (ObjectKey dependent : dependents.getOrDefault(keys.get(next), List.of())) {
                T object = objects.get(dependent);
                if (blocked.contains(object) && waiting.merge(dependent, -1, Integer::sum) == 0) {
                    blocked.remove(object);
                    ready.add(object);
                }
            }
        }
        return result;
    }

    private T cycleBreaker(TreeSet<T> blocked) {
        for (T object : blocked) {
            if (object instanceof View && inCycle(object)) {
                blocked.remove(object);
                return object;
            }
        }
        return blocked.pollFirst();
    }
}
