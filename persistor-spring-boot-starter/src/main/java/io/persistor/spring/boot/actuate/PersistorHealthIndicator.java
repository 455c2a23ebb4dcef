package io.persistor.spring.boot.actuate;

import io.persistor.spring.boot.backup.BackupRecord;
import io.persistor.spring.boot.backup.PersistorBackups;
import io.persistor.spring.boot.target.StoredBackup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health indicator {@code persistor}: UP while the newest backup is younger than {@code persistor.health.max-age},
 * DOWN once it is older.
 *
 * <p>The newest backup is the later of this instance's last success and the newest one published at the target, so
 * an instance that loses each tick to another, or has just restarted, sees the backups the others took. The target
 * is listed at most once a minute ({@link #LISTING_INTERVAL}), since health is asked for often and listing object
 * storage costs a request. With neither, it is UP, with the detail {@code lastSuccess: none yet}, for one maximum
 * age after the start, and DOWN after that: an application that has just started is not unhealthy, one that has not
 * backed up for longer than it should is.
 */
public class PersistorHealthIndicator implements HealthIndicator {

    /** How long a listing of the target is reused. */
    public static final Duration LISTING_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(PersistorHealthIndicator.class);

    private final PersistorBackups backups;
    private final Duration maxAge;
    private final Clock clock;
    private final Instant since;
    private Instant listedAt;
    private Optional<StoredBackup> newestPublished = Optional.empty();

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
        Optional<StoredBackup> published = newestPublished(now);
        Instant reference = since;
        if (success.isPresent() || published.isPresent()) {
            reference = Stream.concat(success.map(BackupRecord::finished).stream(),
                    published.map(StoredBackup::modified).stream()).max(Instant::compareTo).orElseThrow();
        }
        Health.Builder health = Duration.between(reference, now).compareTo(maxAge) > 0 ? Health.down() : Health.up();
        health.withDetail("maxAge", maxAge.toString())
                .withDetail("location", backups.target().location());
        success.ifPresentOrElse(record -> health.withDetail("lastSuccess", record.finished().toString())
                .withDetail("lastSuccessLocation", record.location()),
                () -> health.withDetail("lastSuccess", "none yet"));
        published.ifPresent(newest -> health.withDetail("newestPublished", newest.name())
                .withDetail("newestPublishedAt", newest.modified().toString()));
        List<BackupRecord> runs = backups.history();
        if (!runs.isEmpty()) {
            BackupRecord last = runs.get(0);
            health.withDetail("lastRun", last.outcome() + (last.message() == null ? "" : ": " + last.message()));
        }
        return health.build();
    }

    /** The newest backup at the target, listed again when the last listing is a minute old; empty if unlistable. */
    private synchronized Optional<StoredBackup> newestPublished(Instant now) {
        if (listedAt == null || Duration.between(listedAt, now).compareTo(LISTING_INTERVAL) >= 0) {
            listedAt = now;
            try {
                newestPublished = backups.target().list().stream().findFirst();
            } catch (RuntimeException e) {
                LOG.warn("Cannot list the backups at {} for the health check: {}", backups.target().location(),
                        e.getMessage());
                newestPublished = Optional.empty();
            }
        }
        return newestPublished;
    }
}
