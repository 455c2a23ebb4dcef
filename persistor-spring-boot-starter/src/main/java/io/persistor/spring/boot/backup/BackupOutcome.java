package io.persistor.spring.boot.backup;

/** How a backup run ended. */
public enum BackupOutcome {

    /** The backup was published (and older ones pruned, when a retention is set). */
    SUCCEEDED,

    /**
     * Nothing was done: another instance held the lock, or had published the backup of that time already.
     */
    SKIPPED,

    /** The backup, or the pruning after it, failed; the record's message says why. */
    FAILED
}
