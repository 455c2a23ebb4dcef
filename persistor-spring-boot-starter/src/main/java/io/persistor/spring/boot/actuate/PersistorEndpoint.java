package io.persistor.spring.boot.actuate;

import io.persistor.spring.boot.backup.BackupRecord;
import io.persistor.spring.boot.backup.PersistorBackups;
import io.persistor.spring.boot.target.StoredBackup;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The Actuator endpoint {@code persistor}: reading it lists the published backups and the recent runs; writing to
 * it ({@code POST /actuator/persistor}) takes a backup now.
 */
@Endpoint(id = "persistor")
public class PersistorEndpoint {

    private final PersistorBackups backups;

    /**
     * @param backups the backups to report on and to run
     */
    public PersistorEndpoint(PersistorBackups backups) {
        this.backups = backups;
    }

    /**
     * Lists the published backups and the recent runs.
     *
     * @return the report
     */
    @ReadOperation
    public Report backups() {
        return new Report(backups.target().location(), backups.target().list(), backups.history());
    }

    /**
     * Takes a backup now, unless another instance is taking one.
     *
     * @return what the run did
     */
    @WriteOperation
    public BackupRecord backup() {
        return backups.backupNow();
    }

    /**
     * What the endpoint reports.
     *
     * @param location  where the backups go
     * @param published the backups found there, newest first
     * @param runs      this instance's recent runs, newest first
     */
    public record Report(String location, List<StoredBackup> published, List<BackupRecord> runs) {
    }
}
