package io.persistor.spring.boot.backup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** The most recent runs, and the last success however long ago; safe to use from several threads. */
final class BackupHistory {

    private final int size;
    private final Deque<BackupRecord> recent = new ArrayDeque<>();
    private BackupRecord lastSuccess;

    BackupHistory(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("persistor.history must be at least 1, but was " + size);
        }
        this.size = size;
    }

    synchronized void add(BackupRecord record) {
        recent.addFirst(record);
        if (recent.size() > size) {
            recent.removeLast();
        }
        if (record.outcome() == BackupOutcome.SUCCEEDED) {
            lastSuccess = record;
        }
    }

    synchronized List<BackupRecord> recent() {
        return List.copyOf(new ArrayList<>(recent));
    }

    synchronized Optional<BackupRecord> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }
}
