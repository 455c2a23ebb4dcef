package io.persistor;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a finished backup produced.
 *
 * @param file     the published backup file
 * @param tables   how many tables were written
 * @param rows     how many rows were written, over all tables
 * @param bytes    the size of the file in bytes
 * @param duration how long the backup took
 */
public record BackupResult(Path file, int tables, long rows, long bytes, Duration duration) {
}
