/**
 * The backups an application takes: {@link io.persistor.spring.boot.backup.PersistorBackups}, the bean to inject
 * to back up on demand, what it records of each run ({@link io.persistor.spring.boot.backup.BackupRecord}), and the
 * cron schedule that calls it ({@link io.persistor.spring.boot.backup.BackupSchedule}).
 */
package io.persistor.spring.boot.backup;
