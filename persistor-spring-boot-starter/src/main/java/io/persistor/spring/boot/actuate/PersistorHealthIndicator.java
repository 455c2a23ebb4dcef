package io.persistor.spring.boot.actuate;

import io.persistor.spring.boot.backup.BackupRecord;
import io.persistor.spring.boot.backup.PersistorBackups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health indicator {@code persistor}: UP while this instance's last successful backup is younger than
 * {@code persistor.health.max-age}, DOWN once it is older.
 *
 * <p>Before the first success since the application started it is UP, with the detail
 * {@code lastSuccess: none yet}, for as long as the maximum age since the start, and DOWN after that: an application
 * that has just started is not unhealthy, one that has not backed up for longer than it should is. The check is this
 * instance's own memory: an instance that keeps losing the lock to another stays UP only while its own grace lasts,
 * so give the health group that gates traffic only instances expected to back up, or a maximum age that covers it.
 */
public class PersistorHealthIndicator implements HealthIndicator {

    private final PersistorBackups backups;
    private final Duration maxAge;
    private final Clock clock;
    private final Instant since;

    /**
     * @param backups the backups to watch
     * @param maxAge  how old the last success may be
     * @param clock   the clock; the grace period starts now
     */
    public PersistorHealthIndicator(PersistorBackups backups, Duration maxAge, Clock clock) {
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("persistor.health.max-age must be positive, but was " + maxAge);
        }
        this.backups = backups;
        this.maxAge = maxAge;
        this.clock = clock;
        this.since = clock.instant();
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Optional<BackupRecord> success = backups.lastSuccess();
        Instant reference = success.map(BackupRecord::finished).orElse(since);
        Health.Builder health = Duration.between(reference, now).compareTo(maxAge) > 0 ? Health.down() : Health.up();
        health.withDetail("maxAge", maxAge.toString())
                .withDetail("location", backups.target().location());
        success.ifPresentOrElse(record -> health.withDetail("lastSuccess", record.finished().toString())
                .withDetail("lastSuccessLocation", record.location()),
                () -> health.withDetail("lastSuccess", "none yet"));
        List<BackupRecord> runs = backups.history();
        if (!runs.isEmpty()) {
            BackupRecord last = runs.get(0);
            health.withDetail("lastRun", last.outcome() + (last.message() == null ? "" : ": " + last.message()));
        }
        return health.build();
    }
}
