package io.persistor.core.internal.diff;

import io.persistor.model.Cast;
import io.persistor.model.Catalog;
import io.persistor.model.CompositeType;
import io.persistor.model.Dependency;
import io.persistor.model.DomainType;
import io.persistor.model.EnumType;
import io.persistor.model.ObjectKey;
import io.persistor.model.Operator;
import io.persistor.model.QualifiedName;
import io.persistor.model.RangeType;
import io.persistor.model.Routine;
import io.persistor.model.Sequence;
import io.persistor.model.StatisticsObject;
import io.persistor.model.Table;
import io.persistor.model.View;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What depends on what in the target, as {@code pg_depend} records it, in terms of the described objects a migration
 * drops and creates: whole objects, and the parts of tables (a column's type or default, a constraint, an index...).
 */
final class TargetDependents {

    /**
     * Something that needs another object.
     *
     * @param object   the described object: a view or routine, a type, a column, or a table's member
     * @param part     what of it needs the other object: its whole definition, a column's type
     *                 ({@link Dependency.Part#COLUMN}) or default ({@link Dependency.Part#DEFAULT}), a domain's check
     *                 ({@link Dependency.Part#CHECK} on a domain), or the member itself (the member's part)
     * @param partName the domain check's name; otherwise {@code null}
     */
    record Node(Described object, Dependency.Part part, String partName) {

        /** Whether dependents of this node's own can exist: whole objects and columns changing type. */
        boolean hasDependents() {
            return part == Dependency.Part.DEFINITION || part == Dependency.Part.COLUMN;
        }

        /** A short label for notes. */
        String label() {
            return switch (part) {
                case DEFAULT -> "the default of " + object.kind() + " " + object.name();
                case CHECK -> partName != null ? "check " + partName + " of " + object.kind() + " " + object.name()
                        : object.kind() + " " + object.name();
                case COLUMN -> "the values of " + object.kind() + " " + object.name();
                default -> object.kind() + " " + object.name();
            };
        }
    }

    private final Map<ObjectKey, Described> objects = new HashMap<>();
    private final Map<String, Described> byKey = new HashMap<>();
    private final Map<ObjectKey, List<Dependency>> byReferenced = new HashMap<>();
    private final Renames renames;

    /**
     * Indexes the target's dependencies.
     *
     * @param described the target's objects, as described after the renames
     */
    TargetDependents(Catalog target, Collection<Described> described, Renames renames) {
        this.renames = renames;
        for (Described object : described) {
            byKey.put(object.key(), object);
            ObjectKey key = keyOf(object.source());
            if (key != null) {
                objects.put(key, object);
            }
        }
        for (Dependency dependency : target.dependencies()) {
            byReferenced.computeIfAbsent(dependency.referenced(), k -> new ArrayList<>()).add(dependency);
        }
    }

    /** The key dependencies name a whole object by, or {@code null} for columns, members and unkeyed kinds. */
    static ObjectKey keyOf(Object object) {
        if (object instanceof Table table) {
            return table.key();
        } else if (object instanceof View view) {
            return view.key();
        } else if (object instanceof Sequence sequence) {
            return sequence.key();
        } else if (object instanceof Routine routine) {
            return routine.key();
        } else if (object instanceof EnumType type) {
            return type.key();
        } else if (object instanceof DomainType type) {
            return type.key();
        } else if (object instanceof CompositeType type) {
            return type.key();
        } else if (object instanceof RangeType type) {
            return type.key();
        } else if (object instanceof Operator operator) {
            return operator.key();
        } else if (object instanceof Cast cast) {
            return cast.key();
        }
        return null;
    }

    /** Whether a table column has the type of a target object (or an array of it). */
    boolean usedByColumns(Described type) {
        ObjectKey key = keyOf(type.source());
        return byReferenced.getOrDefault(key, List.of()).stream().anyMatch(d -> d.part() == Dependency.Part.COLUMN);
    }

    /**
     * The direct dependents of a node: of a whole object, everything that needs it; of a column changing type,
     * what needs that column and would stop the change (views, rules, policies, triggers; the server rebuilds
     * indexes and constraints itself).
     *
     * @param node        the node
     * @param unsupported collects dependents no statement can take down and bring back
     * @return the dependents, without duplicates
     */
    List<Node> dependentsOf(Node node, List<String> unsupported) {
        List<Node> result = new ArrayList<>();
        if (!node.hasDependents()) {
            return result;
        }
        ObjectKey key;
        String column = null;
        if (node.part() == Dependency.Part.COLUMN) {
            CatalogDescriber.ColumnOf of = (CatalogDescriber.ColumnOf) node.object().source();
            QualifiedName relation = renames.original(of.relation());
            key = ObjectKey.relation(relation);
            column = renames.originalColumn(relation, of.column().name());
        } else {
            key = keyOf(node.object().source());
        }
        if (key == null) {
            return result;
        }
        for (Dependency dependency : byReferenced.getOrDefault(key, List.of())) {
            if (column != null && !column.equals(dependency.referencedColumn())) {
                continue;
            }
            if (column != null && switch (dependency.part()) {
                case INDEX, KEY, CHECK, STATISTICS -> true;
                default -> false;
            }) {
                continue;
            }
            Node dependent = node(dependency, unsupported);
            if (dependent != null && !result.contains(dependent)) {
                result.add(dependent);
            }
        }
        return result;
    }

    private Node node(Dependency dependency, List<String> unsupported) {
        QualifiedName owner = renames.table(dependency.dependent().name());
        String table = owner.schema() + "." + owner.name();
        String part = dependency.part() == Dependency.Part.COLUMN || dependency.part() == Dependency.Part.DEFAULT
                ? renames.column(dependency.dependent().name(), dependency.partName()) : dependency.partName();
        return switch (dependency.part()) {
            case DEFINITION -> {
                Described object = objects.get(dependency.dependent());
                if (object == null) {
                    yield null;
                }
                if (object.source() instanceof Table || object.source() instanceof Sequence) {
                    unsupported.add(object.kind() + " " + object.name() + " is defined by it");
                    yield null;
                }
                yield new Node(object, Dependency.Part.DEFINITION, null);
            }
            case COLUMN -> member("column " + table + "." + part, Dependency.Part.COLUMN);
            case DEFAULT -> {
                Described column = byKey.get("column " + table + "." + part);
                if (column != null && ((CatalogDescriber.ColumnOf) column.source()).column().generated() != null) {
                    unsupported.add("generated column " + column.name() + " computes with it");
                    yield null;
                }
                yield column == null ? null : new Node(column, Dependency.Part.DEFAULT, null);
            }
            case CHECK -> dependency.dependent().kind() == ObjectKey.Kind.TYPE
                    ? domainCheck(dependency.dependent(), part)
                    : member("constraint " + table + "." + part, Dependency.Part.CHECK);
            case KEY -> member("constraint " + table + "." + part, Dependency.Part.KEY);
            case INDEX -> member("index " + owner.schema() + "." + part, Dependency.Part.INDEX);
            case TRIGGER -> member("trigger " + table + "." + part, Dependency.Part.TRIGGER);
            case POLICY -> member("policy " + table + "." + part, Dependency.Part.POLICY);
            case RULE -> member("rule " + table + "." + part, Dependency.Part.RULE);
            case STATISTICS -> statistics(owner, part);
        };
    }

    private Node member(String key, Dependency.Part part) {
        Described object = byKey.get(key);
        return object == null ? null : new Node(object, part, null);
    }

    private Node domainCheck(ObjectKey domain, String constraint) {
        Described object = objects.get(domain);
        return object == null ? null : new Node(object, Dependency.Part.CHECK, constraint);
    }

    private Node statistics(QualifiedName table, String name) {
        for (Described object : byKey.values()) {
            if (object.source() instanceof CatalogDescriber.Member member
                    && member.member() instanceof StatisticsObject s && member.table().equals(table)
                    && s.name().name().equals(name)) {
                return new Node(object, Dependency.Part.STATISTICS, null);
            }
        }
        return null;
    }
}
