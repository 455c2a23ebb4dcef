package io.persistor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a finished backup produced.
 *
 * @param file     the published backup file, or {@code null} when the script went to a stream or another sink
 * @param tables   how many tables were written
 * @param rows     how many rows were written, over all tables
 * @param bytes    the size of the file in bytes
 * @param duration how long the backup took
 * @param notes    what the reader of the file should know: objects left out and why, row-level security that
 *                 limited what was read; the same lines stand in the file's header
 */
public record BackupResult(Path file, int tables, long rows, long bytes, Duration duration, List<String> notes) {

    /** Copies the list. */
    public BackupResult {
        notes = List.copyOf(notes);
    }
}
