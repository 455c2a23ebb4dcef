package io.persistor.spring.boot.target;

import io.persistor.Backup;
import io.persistor.BackupResult;
import io.persistor.Retention;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Where the starter publishes backups; an application may define its own bean of this type.
 *
 * <p>Names are those {@link Retention#fileName} gives, so that retention recognises them.
 */
public interface BackupTarget {

    /**
     * Where the backups go, for messages and the Actuator endpoint.
     *
     * @return for example {@code /var/backups/shop} or {@code s3://bucket/shop/}
     */
    String location();

    /**
     * Where a backup of this name goes.
     *
     * @param name the backup's name
     * @return its path or URI
     */
    String locationOf(String name);

    /**
     * Whether a backup of this name is published already, for example by another instance for the same tick.
     *
     * @param name the backup's name
     * @return whether it exists
     */
    boolean contains(String name);

    /**
     * Runs the backup and publishes it under a name; nothing is published unless it completes.
     *
     * @param backup the configured backup
     * @param name   the name to publish it under
     * @return what was written
     */
    BackupResult write(Backup backup, String name);

    /**
     * Verifies a new backup and then deletes the database's older backups that the retention does not keep.
     *
     * @param name      the new backup's name, which stays
     * @param retention what to keep
     * @param database  the database whose backups are pruned
     * @param now       the time ages are measured from
     * @return the locations deleted, oldest first
     */
    List<String> prune(String name, Retention retention, String database, LocalDateTime now);

    /**
     * The backups published here, newest first.
     *
     * @return every backup found, of any database
     */
    List<StoredBackup> list();
}
