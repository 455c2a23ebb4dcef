package io.persistor.spi;

import io.persistor.BackupResult;
import java.nio.file.Path;

/**
 * Carries out what the fluent API describes. Register an implementation in
 * {@code META-INF/services/io.persistor.spi.PersistorProvider}; when several are present the one with
 * the highest {@link #priority()} wins, and a tie is an error.
 */
public interface PersistorProvider {

    /**
     * Ranks this provider against others on the class path.
     *
     * @return larger wins; the bundled PostgreSQL provider answers 0
     */
    int priority();

    /**
     * Runs a validated backup and publishes it atomically at {@code file}.
     *
     * @param plan what to back up
     * @param file where the finished script goes
     * @return what was written
     * @throws io.persistor.PersistorException when the backup fails; no file is left behind then
     */
    BackupResult backup(BackupPlan plan, Path file);
}
