package io.persistor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link Persistor#verify(Path)} found in a backup file, read offline against the manifest at its end.
 *
 * @param file     the file
 * @param rows     each table's row count as the file holds it, in the order of its data section
 * @param problems what is wrong, one sentence each naming it; empty when the file is intact
 */
public record BackupVerification(Path file, Map<String, Long> rows, List<String> problems) {

    /** Copies the map and the list. */
    public BackupVerification {
        rows = Map.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** @return whether the file is complete and exactly as it was written */
    public boolean intact() {
        return problems.isEmpty();
    }
}
