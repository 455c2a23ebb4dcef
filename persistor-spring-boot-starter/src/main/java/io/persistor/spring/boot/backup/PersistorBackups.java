package io.persistor.spring.boot.backup;

import io.persistor.BackupResult;
import io.persistor.Persistor;
import io.persistor.Retention;
import io.persistor.spring.boot.lock.AdvisoryLock;
import io.persistor.spring.boot.lock.LockedSession;
import io.persistor.spring.boot.target.BackupTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs up the application's database on demand or on schedule, at most one instance at a time, and remembers the
 * recent runs. Inject it to take a backup now:
 *
 * <pre>{@code
 * BackupRecord record = backups.backupNow();
 * }</pre>
 *
 * <p>Each run takes the {@link AdvisoryLock} on a session of the backup's database, and that session is the
 * backup's own first connection. The instance that does not get the lock records a
 * {@link BackupOutcome#SKIPPED skipped} run, as does one that finds the backup of the same time published already
 * (the other instance took that tick and released the lock before this one asked). A run never throws: a failure is
 * logged and recorded as {@link BackupOutcome#FAILED}.
 */
public class PersistorBackups {

    private static final Logger LOG = LoggerFactory.getLogger(PersistorBackups.class);

    private final BackupDataSource source;
    private final BackupTarget target;
    private final BackupOptions options;
    private final AdvisoryLock lock;
    private final Iterable<BackupListener> listeners;
    private final Clock clock;
    private final BackupHistory history;

    /**
     * @param source      where to read from
     * @param target      where to publish
     * @param options     what each backup looks like
     * @param lock        what keeps two instances from backing up at once
     * @param listeners   told of every run (resolved at each run, so beans created later are found)
     * @param clock       the time of backup names and retention, in the zone of the names
     * @param historySize how many recent runs to remember
     */
    public PersistorBackups(BackupDataSource source, BackupTarget target, BackupOptions options, AdvisoryLock lock,
            Iterable<BackupListener> listeners, Clock clock, int historySize) {
        this.source = source;
        this.target = target;
        this.options = options;
        this.lock = lock;
        this.listeners = listeners;
        this.clock = clock;
        this.history = new BackupHistory(historySize);
    }

    /**
     * Backs up now, named after the current second, unless another instance is backing up.
     *
     * @return what the run did
     */
    public BackupRecord backupNow() {
        return backupAt(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Backs up for a time, the name of the backup: every instance running the same tick of a schedule names its
     * backup alike, so that only one publishes it.
     *
     * @param stamp the time in the backup's name
     * @return what the run did
     */
    BackupRecord backupAt(Instant stamp) {
        Instant started = clock.instant();
        BackupRecord record;
        try {
            record = lock.tryRun(source.dataSource(), session -> backup(session, stamp, started))
                    .orElseGet(() -> BackupRecord.skipped(started, since(started), null,
                            "Another instance holds the advisory lock '" + lock.name() + "'"));
        } catch (RuntimeException e) {
            LOG.error("Backup of {} to {} failed", source.description(), target.location(), e);
            record = BackupRecord.failed(started, since(started), null, String.valueOf(e.getMessage()));
        }
        history.add(record);
        for (BackupListener listener : listeners) {
            listener.recorded(record);
        }
        return record;
    }

    private BackupRecord backup(LockedSession session, Instant stamp, Instant started) {
        String name = Retention.fileName(session.database(), LocalDateTime.ofInstant(stamp, clock.getZone()),
                options.compression(), false);
        String location = target.locationOf(name);
        if (target.contains(name)) {
            return BackupRecord.skipped(started, since(started), location, "Already published by another instance");
        }
        BackupResult result = target.write(options.applyTo(Persistor.backup(session.dataSource())), name);
        List<String> pruned = options.retention() == null ? List.of()
                : target.prune(name, options.retention(), session.database(), LocalDateTime.now(clock));
        LOG.info("Backed up {} to {}: {} tables, {} rows, {} bytes{}", source.description(), location,
                result.tables(), result.rows(), result.bytes(), pruned.isEmpty() ? "" : "; pruned " + pruned);
        return BackupRecord.succeeded(started, since(started), location, result, pruned);
    }

    private Duration since(Instant started) {
        return Duration.between(started, clock.instant());
    }

    /**
     * The most recent runs, newest first.
     *
     * @return as many as {@code persistor.history} keeps
     */
    public List<BackupRecord> history() {
        return history.recent();
    }

    /**
     * The last run that succeeded since the application started, however long ago.
     *
     * @return the run, or empty when none has
     */
    public Optional<BackupRecord> lastSuccess() {
        return history.lastSuccess();
    }

    /**
     * Where the backups go.
     *
     * @return the target
     */
    public BackupTarget target() {
        return target;
    }
}
