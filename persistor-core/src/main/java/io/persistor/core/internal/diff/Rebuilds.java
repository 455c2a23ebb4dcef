package io.persistor.core.internal.diff;

import io.persistor.Difference;
import io.persistor.Hazard;
import io.persistor.core.internal.diff.TargetDependents.Node;
import io.persistor.model.Collation;
import io.persistor.model.Column;
import io.persistor.model.CompositeType;
import io.persistor.model.Dependency;
import io.persistor.model.DomainType;
import io.persistor.model.EnumType;
import io.persistor.model.Index;
import io.persistor.model.RangeType;
import io.persistor.model.Routine;
import io.persistor.model.TextSearchConfiguration;
import io.persistor.model.TextSearchDictionary;
import io.persistor.model.Trigger;
import io.persistor.model.View;
import io.persistor.model.Cast;
import io.persistor.model.Operator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides which changes cannot be made in place: objects to drop and create again (a view whose columns change, a
 * function whose result changes, an enum that loses a label...) and columns whose type changes. For each, the
 * closure of what depends on it in the target is taken down first and brought back after, never by
 * {@code CASCADE}; the hazards of the whole group decide whether it is written or left out.
 */
final class Rebuilds {

    /**
     * A change that needs its dependents out of the way.
     *
     * @param change      the change
     * @param column      {@code true} for a column whose type changes (altered in place, its dependents rebuilt)
     * @param closure     what depends on it in the target, directly or not
     * @param hazards     the hazards of the whole group
     * @param unsupported dependents no statement can take down and bring back; the group is then never written
     */
    record Root(SchemaComparer.Change change, boolean column, List<Node> closure, Set<Hazard> hazards,
                List<String> unsupported) {

        /** Why the group was left out, naming what goes with it. */
        String note() {
            StringBuilder note = new StringBuilder();
            if (!unsupported.isEmpty()) {
                note.append("no statement can keep ").append(String.join(", ", unsupported)).append("; ");
            }
            if (!closure.isEmpty()) {
                note.append("left out with what depends on it: ")
                        .append(String.join(", ", closure.stream().map(Node::label).toList()));
            } else {
                note.append("left out");
            }
            return note.toString();
        }
    }

    private final Map<String, Root> written = new LinkedHashMap<>();
    private final Map<String, Root> leftOut = new LinkedHashMap<>();
    private final Map<String, Node> closure = new LinkedHashMap<>();

    private Rebuilds() {
    }

    /**
     * Plans the rebuilds of a comparison's changes.
     *
     * @param changes    the changes
     * @param dependents the target's dependencies
     * @param allowed    which hazards may be written
     * @return the plan
     */
    static Rebuilds plan(List<SchemaComparer.Change> changes, TargetDependents dependents,
                         Predicate<Set<Hazard>> allowed) {
        Rebuilds rebuilds = new Rebuilds();
        for (SchemaComparer.Change change : changes) {
            if (change.change() != Difference.Change.DIFFERENT) {
                continue;
            }
            boolean column = changesColumnType(change);
            if (!column && !needsRecreating(change, dependents)) {
                continue;
            }
            Root root = root(change, column, dependents);
            if (root.unsupported().isEmpty() && allowed.test(root.hazards())) {
                rebuilds.written.put(change.targetSide().key(), root);
                root.closure().forEach(node -> rebuilds.closure.putIfAbsent(nodeKey(node), node));
            } else {
                rebuilds.leftOut.put(change.targetSide().key(), root);
            }
        }
        return rebuilds;
    }

    /** The root written for a change of this target object, or {@code null}. */
    Root written(Described target) {
        return written.get(target.key());
    }

    /** The root left out for a change of this target object, or {@code null}. */
    Root leftOut(Described target) {
        return leftOut.get(target.key());
    }

    /** The target's objects that written roots drop and create again (columns changing type excepted). */
    List<Described> writtenRoots() {
        return written.values().stream().filter(r -> !r.column()).map(r -> r.change().targetSide()).toList();
    }

    /** The keys of the target's objects whose change was left out, so they stay as they are. */
    Set<String> leftOutKeys() {
        return leftOut.keySet();
    }

    /** Everything taken down for the written roots, whole objects recreated, columns and members changed back. */
    List<Node> closure() {
        return List.copyOf(closure.values());
    }

    /** Whether a target object is dropped early and so must be created, not altered. */
    boolean isDropped(Described target) {
        Root root = written.get(target.key());
        if (root != null && !root.column()) {
            return true;
        }
        return closure.containsKey(target.key() + " " + Dependency.Part.DEFINITION)
                || closure.containsKey(target.key() + " " + memberPart(target));
    }

    private static Dependency.Part memberPart(Described target) {
        return switch (target.kind()) {
            case "constraint" -> Dependency.Part.KEY;
            case "index" -> Dependency.Part.INDEX;
            case "trigger" -> Dependency.Part.TRIGGER;
            case "policy" -> Dependency.Part.POLICY;
            case "rule" -> Dependency.Part.RULE;
            case "statistics" -> Dependency.Part.STATISTICS;
            default -> Dependency.Part.DEFINITION;
        };
    }

    static String nodeKey(Node node) {
        Dependency.Part part = node.part() == Dependency.Part.CHECK && node.partName() == null
                ? Dependency.Part.KEY : node.part();
        return node.object().key() + " " + part + (node.partName() == null ? "" : " " + node.partName());
    }

    private static Root root(SchemaComparer.Change change, boolean column, TargetDependents dependents) {
        Node start = new Node(change.targetSide(), column ? Dependency.Part.COLUMN : Dependency.Part.DEFINITION, null);
        List<String> unsupported = new ArrayList<>();
        Map<String, Node> found = new LinkedHashMap<>();
        Deque<Node> pending = new ArrayDeque<>(List.of(start));
        Set<String> seen = new LinkedHashSet<>(List.of(nodeKey(start)));
        while (!pending.isEmpty()) {
            for (Node dependent : dependents.dependentsOf(pending.pop(), unsupported)) {
                if (isCopyOfParents(dependent) || !seen.add(nodeKey(dependent))) {
                    continue;
                }
                found.put(nodeKey(dependent), dependent);
                pending.add(dependent);
            }
        }
        Set<Hazard> hazards = EnumSet.noneOf(Hazard.class);
        if (column) {
            hazards.add(Hazard.TABLE_REWRITE);
            hazards.add(Hazard.MAY_FAIL_ON_DATA);
        }
        if (change.sourceSide().source() instanceof View view && view.materialized()) {
            hazards.add(Hazard.FULL_SCAN);
        }
        if (!found.isEmpty()) {
            hazards.add(Hazard.BREAKS_DEPENDENTS);
        }
        for (Node node : found.values()) {
            switch (node.part()) {
                case COLUMN -> {
                    hazards.add(Hazard.TABLE_REWRITE);
                    hazards.add(Hazard.MAY_FAIL_ON_DATA);
                }
                case INDEX -> hazards.add(Hazard.BLOCKING_INDEX_BUILD);
                case KEY, CHECK -> hazards.add(Hazard.FULL_SCAN);
                default -> {
                    if (node.object().source() instanceof View view && view.materialized()) {
                        hazards.add(Hazard.FULL_SCAN);
                    }
                }
            }
        }
        return new Root(change, column, List.copyOf(found.values()), hazards, unsupported);
    }

    /** A partition's copy of its parent's index or trigger goes and comes back with the parent's. */
    private static boolean isCopyOfParents(Node node) {
        if (node.object().source() instanceof CatalogDescriber.Member member) {
            return member.member() instanceof Index index && index.attachedTo() != null
                    || member.member() instanceof Trigger trigger && trigger.inherited();
        }
        return false;
    }

    /** Whether a table column's type (or collation) changes. */
    static boolean changesColumnType(SchemaComparer.Change change) {
        return change.sourceSide().source() instanceof CatalogDescriber.ColumnOf of && !of.view()
                && change.details().stream().anyMatch(d -> d.startsWith("type:") || d.startsWith("collation:"));
    }

    /** Whether a changed object can only be dropped and created again. */
    static boolean needsRecreating(SchemaComparer.Change change, TargetDependents dependents) {
        Object source = change.sourceSide().source();
        Object target = change.targetSide().source();
        if (onlyAbout(change, "comment:")) {
            return false;
        }
        if (source instanceof View view) {
            if (view.materialized()) {
                return !onlyAbout(change, "comment:", "cluster on:");
            }
            return !(onlyAbout(change, "comment:", "query:") && columnsAppended(view, (View) target));
        } else if (source instanceof Routine routine) {
            return routine.kind() == Routine.Kind.AGGREGATE
                    || !header(change.sourceSide().properties().get("definition"))
                    .equals(header(change.targetSide().properties().get("definition")));
        } else if (source instanceof EnumType type) {
            return EnumChange.of((EnumType) target, type) == null;
        } else if (source instanceof DomainType) {
            return !onlyAbout(change, "comment:", "default:", "not null:", "constraints:");
        } else if (source instanceof CompositeType type) {
            return CompositeChange.of((CompositeType) target, type) == null
                    || dependents.usedByColumns(change.targetSide());
        }
        return source instanceof RangeType || source instanceof Collation || source instanceof Cast
                || source instanceof Operator || source instanceof TextSearchConfiguration
                || source instanceof TextSearchDictionary && !onlyAbout(change, "comment:", "options:");
    }

    private static boolean onlyAbout(SchemaComparer.Change change, String... properties) {
        return change.details().stream().allMatch(d -> List.of(properties).stream().anyMatch(d::startsWith));
    }

    /** Whether {@code CREATE OR REPLACE VIEW} can turn the target's view into the source's: columns only appended. */
    private static boolean columnsAppended(View source, View target) {
        if (source.columns().size() < target.columns().size()) {
            return false;
        }
        for (int i = 0; i < target.columns().size(); i++) {
            Column a = source.columns().get(i);
            Column b = target.columns().get(i);
            if (!a.name().equals(b.name()) || !a.type().equals(b.type())
                    || !Objects.equals(a.collation(), b.collation())) {
                return false;
            }
        }
        return true;
    }

    /**
     * What {@code CREATE OR REPLACE} cannot change in a function or procedure: its name, arguments (with names and
     * defaults) and result, the lines of {@code pg_get_functiondef} before the language.
     */
    private static String header(String definition) {
        int language = definition.indexOf(" LANGUAGE ");
        return language < 0 ? definition : definition.substring(0, language);
    }
}
