package io.persistor.core.internal.diff;

import io.persistor.Hazard;
import io.persistor.MigrationStep;
import io.persistor.MigrationStep.Lock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The migration's statements as they are decided: each written when the plan allows all its hazards, otherwise kept
 * as a left-out step.
 */
final class StepList {

    private final Set<Hazard> allowed;
    private final List<MigrationStep> steps = new ArrayList<>();

    StepList(Set<Hazard> allowed) {
        this.allowed = allowed;
    }

    /** Whether statements with these hazards are written. */
    boolean allows(Set<Hazard> hazards) {
        return allowed.containsAll(hazards);
    }

    /** Adds a statement that takes no lock on an existing object and has no hazard. */
    void add(String sql) {
        add(sql, Lock.NONE);
    }

    /**
     * Adds a statement, written if its hazards are allowed.
     *
     * @return whether it was written
     */
    boolean add(String sql, Lock lock, Hazard... hazards) {
        Set<Hazard> set = set(hazards);
        return append(sql, set, lock, true, allows(set), null);
    }

    /** Adds a statement that must run outside a transaction block, or be committed before the next ones. */
    void addOutsideTransaction(String sql, Lock lock, Hazard... hazards) {
        Set<Hazard> set = set(hazards);
        append(sql, set, lock, false, allows(set), null);
    }

    /** Adds a statement left out, whatever its hazards, because of what the note says. */
    void leaveOut(String sql, Lock lock, Set<Hazard> hazards, String note) {
        append(sql, hazards, lock, true, false, note);
    }

    /** Puts a setting that takes no lock before everything else. */
    void addFirst(String sql) {
        steps.add(0, new MigrationStep(terminated(sql), Set.of(), Lock.NONE, true, true, null));
    }

    List<MigrationStep> steps() {
        return List.copyOf(steps);
    }

    private boolean append(String sql, Set<Hazard> hazards, Lock lock, boolean transactional, boolean written,
                           String note) {
        steps.add(new MigrationStep(terminated(sql), hazards, lock, transactional, written, note));
        return written;
    }

    private static String terminated(String sql) {
        return sql.endsWith(";") ? sql : sql + ";";
    }

    static Set<Hazard> set(Hazard... hazards) {
        Set<Hazard> set = EnumSet.noneOf(Hazard.class);
        set.addAll(List.of(hazards));
        return set;
    }
}
