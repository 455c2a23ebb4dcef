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

    private static final Set<Hazard> SCANS = Set.of(Hazard.FULL_SCAN, Hazard.BLOCKING_INDEX_BUILD,
            Hazard.TABLE_REWRITE);

    private final Set<Hazard> allowed;
    private final boolean online;
    private final List<MigrationStep> steps = new ArrayList<>();

    /**
     * Starts an empty list.
     *
     * @param online whether the plan is to keep tables writable, so a statement that cannot is noted as such
     */
    StepList(Set<Hazard> allowed, boolean online) {
        this.allowed = allowed;
        this.online = online;
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

    /**
     * Adds a statement that must run on its own, outside a transaction block, or be committed before the next ones.
     *
     * @return whether it was written
     */
    boolean addOutsideTransaction(String sql, Lock lock, Hazard... hazards) {
        Set<Hazard> set = set(hazards);
        return append(sql, set, lock, false, allows(set), null);
    }

    /** Adds a statement written with a note saying why it is there or why it is not in another form. */
    void addNoted(String sql, Lock lock, String note, Hazard... hazards) {
        Set<Hazard> set = set(hazards);
        append(sql, set, lock, true, allows(set), note);
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
        String noted = note;
        if (online && note == null && lock.compareTo(Lock.SHARE_UPDATE_EXCLUSIVE) > 0
                && hazards.stream().anyMatch(SCANS::contains)) {
            noted = "PostgreSQL has no online form of this: it holds the lock while it reads the table";
        }
        steps.add(new MigrationStep(terminated(sql), hazards, lock, transactional, written, noted));
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
