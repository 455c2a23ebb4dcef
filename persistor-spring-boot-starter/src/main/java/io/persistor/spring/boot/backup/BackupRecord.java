package io.persistor.spring.boot.backup;

import io.persistor.BackupResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one backup run did.
 *
 * @param outcome  how it ended
 * @param started  when it started
 * @param duration how long it took, locking and pruning included
 * @param location where the backup went, or {@code null} when the run ended before naming it
 * @param tables   how many tables were written; 0 unless it succeeded
 * @param rows     how many rows were written; 0 unless it succeeded
 * @param bytes    the size of the backup; 0 unless it succeeded
 * @param pruned   the older backups deleted after it
 * @param message  why it was skipped or failed; {@code null} when it succeeded
 */
public record BackupRecord(BackupOutcome outcome, Instant started, Duration duration, String location, int tables,
        long rows, long bytes, List<String> pruned, String message) {

    /** Copies the list. */
    public BackupRecord {
        pruned = List.copyOf(pruned);
    }

    static BackupRecord succeeded(Instant started, Duration duration, String location, BackupResult result,
            List<String> pruned) {
        return new BackupRecord(BackupOutcome.SUCCEEDED, started, duration, location, result.tables(), result.rows(),
                result.bytes(), pruned, null);
    }

    static BackupRecord skipped(Instant started, Duration duration, String location, String reason) {
        return new BackupRecord(BackupOutcome.SKIPPED, started, duration, location, 0, 0, 0, List.of(), reason);
    }

    static BackupRecord failed(Instant started, Duration duration, String location, String message) {
        return new BackupRecord(BackupOutcome.FAILED, started, duration, location, 0, 0, 0, List.of(), message);
    }

    /**
     * When the run ended.
     *
     * @return its start plus its duration
     */
    public Instant finished() {
        return started.plus(duration);
    }
}
