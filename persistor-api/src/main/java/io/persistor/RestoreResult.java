package io.persistor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a finished restore did.
 *
 * @param file       the script restored, or {@code null} when it came from a stream
 * @param statements how many statements ran (a {@code COPY} block counts as one)
 * @param rows       how many rows {@code INSERT} and {@code COPY} statements loaded
 * @param duration   how long the restore took
 * @param errors     with {@link OnError#CONTINUE}, the statements that failed and why; otherwise empty
 */
public record RestoreResult(Path file, long statements, long rows, Duration duration, List<String> errors) {

    /** Copies the list. */
    public RestoreResult {
        errors = List.copyOf(errors);
    }
}
