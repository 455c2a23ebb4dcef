package io.persistor.spring.boot.backup;

/** Told of every backup run as it ends; beans of this type are found by {@link PersistorBackups}. */
@FunctionalInterface
public interface BackupListener {

    /**
     * Called on the thread that ran the backup, after it ended.
     *
     * @param record what the run did
     */
    void recorded(BackupRecord record);
}
