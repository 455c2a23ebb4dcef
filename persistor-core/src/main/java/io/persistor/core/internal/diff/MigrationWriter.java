package io.persistor.core.internal.diff;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.Difference;
import io.persistor.Hazard;
import io.persistor.MigrationStep;
import io.persistor.MigrationStep.Lock;
import io.persistor.core.internal.ddl.CreationOrder;
import io.persistor.core.internal.ddl.SequenceDdl;
import io.persistor.core.internal.ddl.TypeDdl;
import io.persistor.core.internal.ddl.ViewDdl;
import io.persistor.core.internal.diff.TargetDependents.Node;
import io.persistor.model.Catalog;
import io.persistor.model.CompositeType;
import io.persistor.model.Constraint;
import io.persistor.model.Dependency;
import io.persistor.model.DomainType;
import io.persistor.model.EnumType;
import io.persistor.model.Extension;
import io.persistor.model.Index;
import io.persistor.model.QualifiedName;
import io.persistor.model.RangeType;
import io.persistor.model.Schema;
import io.persistor.model.Sequence;
import io.persistor.model.Table;
import io.persistor.model.View;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the migration that makes the target match the source, in four phases:
 * <ol>
 *   <li>what must be dropped and created again (and everything that depends on it in the target, found through
 *       {@code pg_depend}) is dropped, dependents first; columns of a type being recreated are turned into text;</li>
 *   <li>creations and in-place changes, in the source's creation order, bringing the dropped objects back from the
 *       source's definitions;</li>
 *   <li>what waited for every new table: foreign keys, rules, sequence ownership, clustering marks;</li>
 *   <li>drops of what only the target has, dependents first.</li>
 * </ol>
 * Nothing is dropped with {@code CASCADE}. A statement whose hazards are not allowed is left out, with what belongs
 * with it, so the statements written still run.
 */
final class MigrationWriter {

    private final Options plan;
    private final Catalog source;
    private final Catalog target;
    private final StepList steps;
    /** The target objects phase 1 dropped, which phase 4 need not drop again. */
    private final Set<String> dropped = new HashSet<>();

    /**
     * The comparison's options, as the writer needs them.
     *
     * @param lockTimeout      the {@code lock_timeout} to set first, or {@code null}
     * @param statementTimeout the {@code statement_timeout} to set first, or {@code null}
     */
    record Options(Set<Hazard> allowed, Map<String, String> schemaMap, boolean online, Duration lockTimeout,
                   Duration statementTimeout, Renames renames) {
    }

    MigrationWriter(Catalog source, Catalog target, Options plan) {
        this.source = source;
        this.target = target;
        this.plan = plan;
        this.steps = new StepList(plan.allowed(), plan.online());
    }

    List<MigrationStep> write(List<SchemaComparer.Change> changes, Map<String, Described> sources,
                              Map<String, Described> targets, Comparator<SchemaComparer.Change> order) {
        TargetDependents dependents = new TargetDependents(target, targets.values(), plan.renames());
        Rebuilds rebuilds = Rebuilds.plan(changes, dependents, steps::allows);
        Comparator<Described> latestFirst = latestFirst(target, plan.renames());
        plan.renames().statements().forEach(rename -> steps.add(rename, Lock.ACCESS_EXCLUSIVE));
        dropForRebuild(rebuilds, latestFirst);

        List<SchemaComparer.Change> forward = withRecreations(changes, rebuilds, sources);
        forward.sort(order);
        ChangeWriter writer = new ChangeWriter(source, target.serverVersionNum(), steps, rebuilds, plan.online());
        for (SchemaComparer.Change change : forward) {
            writer.write(change);
        }
        for (Node node : rebuilds.closure()) {
            if (node.part() == Dependency.Part.CHECK && node.partName() != null) {
                readdDomainCheck(node, sources);
            }
        }
        writer.writeAfterTables();
        for (SchemaComparer.Change change : forward) {
            if (change.sourceSide().source() instanceof View view && view.clusterOn() != null
                    && (change.change() == Difference.Change.MISSING_IN_TARGET
                    || rebuilds.isDropped(change.targetSide()))) {
                steps.add(ViewDdl.clusterOn(view), Lock.SHARE_UPDATE_EXCLUSIVE);
            }
            // A sequence can belong to its column only once both exist.
            if (change.sourceSide().source() instanceof Sequence sequence && sequence.ownedBy() != null
                    && (change.change() == Difference.Change.MISSING_IN_TARGET
                    || change.details().stream().anyMatch(d -> d.startsWith("owned by:")))) {
                steps.add(SequenceDdl.ownedBy(sequence));
            }
        }
        dropExtras(changes, rebuilds, dependents, latestFirst);
        if (writer.writesRoutines()) {
            // A body may read a table created after it, as in a backup's pre-data section.
            steps.addFirst("SET check_function_bodies = false");
        }
        if (plan.statementTimeout() != null) {
            steps.addFirst("SET statement_timeout = " + OnlineForms.setting(plan.statementTimeout()));
        }
        if (plan.lockTimeout() != null) {
            steps.addFirst("SET lock_timeout = " + OnlineForms.setting(plan.lockTimeout()));
        }
        return steps.steps().stream().map(this::mapSchemas).toList();
    }

    /** Phase 1: drops what the rebuilds take down, dependents first, and turns columns of recreated types into text. */
    private void dropForRebuild(Rebuilds rebuilds, Comparator<Described> latestFirst) {
        List<Node> parts = new ArrayList<>();
        List<Described> wholes = new ArrayList<>();
        List<Node> columns = new ArrayList<>();
        for (Node node : rebuilds.closure()) {
            switch (node.part()) {
                case DEFINITION -> wholes.add(node.object());
                case COLUMN -> columns.add(node);
                default -> parts.add(node);
            }
        }
        for (Node node : parts) {
            steps.add(dropPart(node), Lock.ACCESS_EXCLUSIVE, Hazard.BREAKS_DEPENDENTS);
            if (node.part() != Dependency.Part.DEFAULT && node.partName() == null) {
                dropped.add(node.object().key());
            }
        }
        wholes.addAll(rebuilds.writtenRoots());
        wholes.sort(latestFirst);
        wholes.stream().filter(whole -> !isType(whole)).forEach(this::dropWhole);
        for (Node node : columns) {
            CatalogDescriber.ColumnOf of = (CatalogDescriber.ColumnOf) node.object().source();
            String text = of.column().type().endsWith("[]") ? "text[]" : "text";
            steps.add("ALTER TABLE " + qualified(of.relation()) + " ALTER COLUMN " + identifier(of.column().name())
                            + " TYPE " + text + " USING " + identifier(of.column().name()) + "::" + text,
                    Lock.ACCESS_EXCLUSIVE, Hazard.TABLE_REWRITE);
        }
        wholes.stream().filter(MigrationWriter::isType).forEach(this::dropWhole);
    }

    private void dropWhole(Described object) {
        if (dropped.add(object.key())) {
            steps.add(DropStatements.drop(object), Lock.ACCESS_EXCLUSIVE, Hazard.BREAKS_DEPENDENTS);
        }
    }

    private static boolean isType(Described object) {
        Object source = object.source();
        return source instanceof DomainType || source instanceof EnumType || source instanceof CompositeType
                || source instanceof RangeType;
    }

    private static String dropPart(Node node) {
        if (node.part() == Dependency.Part.DEFAULT) {
            CatalogDescriber.ColumnOf of = (CatalogDescriber.ColumnOf) node.object().source();
            return "ALTER TABLE " + qualified(of.relation()) + " ALTER COLUMN " + identifier(of.column().name())
                    + " DROP DEFAULT";
        }
        if (node.part() == Dependency.Part.CHECK && node.partName() != null) {
            return "ALTER DOMAIN " + qualified(((DomainType) node.object().source()).name()) + " DROP CONSTRAINT "
                    + identifier(node.partName());
        }
        return DropStatements.drop(node.object());
    }

    private void readdDomainCheck(Node node, Map<String, Described> sources) {
        Described domain = sources.get(node.object().key());
        if (domain == null) {
            return;
        }
        DomainType type = (DomainType) domain.source();
        for (Constraint constraint : type.constraints()) {
            if (constraint.name().equals(node.partName())) {
                steps.add(TypeDdl.addDomainConstraint(type, constraint), Lock.SHARE, Hazard.FULL_SCAN);
            }
        }
    }

    /**
     * The changes of phase 2: the comparison's own, with the objects dropped in phase 1 to be created (their
     * members with them) and the columns turned into text or stripped of their defaults to be changed back.
     */
    private static List<SchemaComparer.Change> withRecreations(List<SchemaComparer.Change> changes, Rebuilds rebuilds,
                                                               Map<String, Described> sources) {
        Map<String, SchemaComparer.Change> byKey = new LinkedHashMap<>();
        for (SchemaComparer.Change change : changes) {
            if (change.change() != Difference.Change.EXTRA_IN_TARGET) {
                byKey.put(change.object().key(), change);
            }
        }
        for (Node node : rebuilds.closure()) {
            Described wanted = sources.get(node.object().key());
            if (wanted == null) {
                continue;
            }
            switch (node.part()) {
                case DEFAULT -> withDetail(byKey, wanted, node.object(), "default: set again");
                case COLUMN -> withDetail(byKey, wanted, node.object(), "type: back from text");
                case CHECK -> {
                    if (node.partName() == null) {
                        created(byKey, wanted);
                    }
                }
                default -> created(byKey, wanted);
            }
        }
        for (Described root : rebuilds.writtenRoots()) {
            Described wanted = sources.get(root.key());
            if (wanted != null && wanted.source() instanceof View) {
                created(byKey, wanted);
            }
        }
        for (SchemaComparer.Change change : List.copyOf(byKey.values())) {
            if (change.change() == Difference.Change.MISSING_IN_TARGET
                    && change.sourceSide().source() instanceof View view) {
                // A view's indexes, triggers and rules are created with it.
                for (Described member : sources.values()) {
                    if (member.source() instanceof CatalogDescriber.Member of && of.table().equals(view.name())
                            && !byKey.containsKey(member.key())) {
                        created(byKey, member);
                    }
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** Makes the change of an object one that creates it from the source's definition. */
    private static void created(Map<String, SchemaComparer.Change> byKey, Described wanted) {
        byKey.put(wanted.key(), new SchemaComparer.Change(Difference.Change.MISSING_IN_TARGET, wanted, null, List.of()));
    }

    private static void withDetail(Map<String, SchemaComparer.Change> byKey, Described wanted, Described current,
                                   String detail) {
        SchemaComparer.Change change = byKey.get(wanted.key());
        List<String> details = new ArrayList<>(change == null ? List.of() : change.details());
        String property = detail.substring(0, detail.indexOf(':') + 1);
        if (details.stream().noneMatch(d -> d.startsWith(property))) {
            details.add(detail);
        }
        byKey.put(wanted.key(), new SchemaComparer.Change(Difference.Change.DIFFERENT, wanted, current, details));
    }

    /** Phase 4: drops what only the target has, dependents first; keeps what something left in place still needs. */
    private void dropExtras(List<SchemaComparer.Change> changes, Rebuilds rebuilds, TargetDependents dependents,
                            Comparator<Described> latestFirst) {
        List<Described> extras = new ArrayList<>();
        for (SchemaComparer.Change change : changes) {
            if (change.change() == Difference.Change.EXTRA_IN_TARGET) {
                extras.add(change.targetSide());
            }
        }
        extras.sort(Comparator.comparingInt(MigrationWriter::dropGroup).thenComparing(latestFirst)
                .thenComparing(Comparator.comparingInt(Described::order).reversed()));
        Set<String> kept = new HashSet<>(rebuilds.leftOutKeys());
        Set<QualifiedName> droppedIndexes = new HashSet<>();
        for (Described extra : extras) {
            if (extra.source() instanceof CatalogDescriber.Member member && member.member() instanceof Index index) {
                droppedIndexes.add(new QualifiedName(member.table().schema(), index.name()));
            }
        }
        for (Described extra : extras) {
            if (extra.source() instanceof CatalogDescriber.ColumnOf column && column.view()
                    || dropped.contains(extra.key())) {
                continue; // gone with its view, or in phase 1
            }
            if (extra.source() instanceof CatalogDescriber.Member member && member.member() instanceof Index index
                    && index.attachedTo() != null && droppedIndexes.contains(index.attachedTo())) {
                continue; // gone with its partitioned table's index
            }
            if (extra.source() instanceof CatalogDescriber.ColumnOf column && !column.column().local()) {
                continue; // an inherited column goes with its parent's: it cannot be dropped on its own
            }
            String neededBy = neededBy(extra, dependents, kept);
            if (neededBy != null) {
                kept.add(extra.key());
                steps.leaveOut(DropStatements.drop(extra), Lock.ACCESS_EXCLUSIVE, Set.of(),
                        "kept: " + neededBy + " still needs it");
                continue;
            }
            boolean written;
            if (plan.online() && extra.source() instanceof CatalogDescriber.Member member
                    && member.member() instanceof Index && !member.partitioned()) {
                written = steps.addOutsideTransaction(DropStatements.drop(extra)
                        .replaceFirst("^DROP INDEX ", "DROP INDEX CONCURRENTLY "), Lock.SHARE_UPDATE_EXCLUSIVE);
            } else {
                written = steps.add(DropStatements.drop(extra), Lock.ACCESS_EXCLUSIVE, dropHazards(extra));
            }
            if (!written) {
                kept.add(extra.key());
            }
        }
    }

    private static String neededBy(Described extra, TargetDependents dependents, Set<String> kept) {
        Node whole = new Node(extra, Dependency.Part.DEFINITION, null);
        for (Node node : dependents.dependentsOf(whole, new ArrayList<>())) {
            Object source = node.object().source();
            String table = source instanceof CatalogDescriber.ColumnOf column ? "table " + column.relation()
                    : source instanceof CatalogDescriber.Member member ? "table " + member.table() : null;
            if (kept.contains(node.object().key()) || table != null && kept.contains(table)) {
                return node.label();
            }
        }
        return null;
    }

    private static Hazard[] dropHazards(Described extra) {
        Object source = extra.source();
        if (source instanceof Table || source instanceof Schema || source instanceof Extension
                || source instanceof Sequence || source instanceof CatalogDescriber.ColumnOf) {
            return new Hazard[] {Hazard.DATA_LOSS};
        }
        return new Hazard[0];
    }

    /** Members of tables go first, then objects that have a creation position (latest first), then the rest. */
    private static int dropGroup(Described object) {
        if (object.source() instanceof CatalogDescriber.Member) {
            return 0;
        }
        return object.order() >= CatalogDescriber.TYPES && object.order() <= CatalogDescriber.VIEWS + 1 ? 1 : 2;
    }

    /**
     * Orders the target's objects latest created first; a column comes just before its table or view, so after
     * what reads it and before the types it uses. Objects outside the creation order come last.
     */
    private static Comparator<Described> latestFirst(Catalog target, Renames renames) {
        Map<Object, Integer> positions = CreationOrder.preData(target).positions();
        Map<QualifiedName, Integer> relations = new HashMap<>();
        positions.forEach((object, position) -> {
            if (object instanceof Table table) {
                relations.put(table.name(), position);
            } else if (object instanceof View view) {
                relations.put(view.name(), position);
            }
        });
        return Comparator.comparingDouble((Described object) -> {
            if (object.source() instanceof CatalogDescriber.ColumnOf column) {
                Integer relation = relations.get(renames.original(column.relation()));
                return relation == null ? -1 : relation + 0.5;
            }
            return positions.getOrDefault(object.source(), -1);
        }).reversed();
    }

    /** Rewrites qualified names from source schemas to their target counterparts. */
    private MigrationStep mapSchemas(MigrationStep step) {
        String result = step.sql();
        for (Map.Entry<String, String> entry : plan.schemaMap().entrySet()) {
            result = result.replace(identifier(entry.getKey()) + ".", identifier(entry.getValue()) + ".")
                    .replace(entry.getKey() + ".", entry.getValue() + ".");
        }
        return new MigrationStep(result, step.hazards(), step.lock(), step.transactional(), step.written(),
                step.note());
    }
}
