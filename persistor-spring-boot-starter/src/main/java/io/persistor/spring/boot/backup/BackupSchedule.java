package io.persistor.spring.boot.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;

/**
 * Runs {@link PersistorBackups} at each tick of a cron expression, on a thread of its own (the application needs no
 * {@code @EnableScheduling}). Each run is named after its tick, not after the moment it starts, so instances whose
 * clocks or threads differ by a little still name the same tick alike. A tick that falls while a backup still runs
 * is left out. Stopping waits for a running backup to end, up to {@link #STOP_TIMEOUT}, before the application's data
 * source closes.
 */
public final class BackupSchedule implements SmartLifecycle {

    /** How long {@link #stop()} waits for a running backup. */
    public static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

    private final PersistorBackups backups;
    private final CronExpression cron;
    private final Clock clock;
    private ScheduledThreadPoolExecutor executor;
    private ZonedDateTime lastTick;

    /**
     * @param backups what to run
     * @param cron    when: six fields, seconds first, as Spring's {@code @Scheduled} takes them
     * @param clock   the clock, in the zone the expression is read in
     */
    public BackupSchedule(PersistorBackups backups, CronExpression cron, Clock clock) {
        this.backups = backups;
        this.cron = cron;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "persistor-backup");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduleNext();
    }

    /** Schedules the first tick after now and after the last one, so an early wake-up never runs a tick twice. */
    private synchronized void scheduleNext() {
        if (executor == null) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime next = cron.next(lastTick != null && lastTick.isAfter(now) ? lastTick : now);
        if (next == null) {
            return;
        }
        lastTick = next;
        long delay = Math.max(0, Duration.between(clock.instant(), next.toInstant()).toMillis());
        executor.schedule(() -> run(next.toInstant()), delay, TimeUnit.MILLISECONDS);
    }

    private void run(Instant tick) {
        try {
            backups.backupAt(tick);
        } finally {
            scheduleNext();
        }
    }

    @Override
    public void stop() {
        ScheduledThreadPoolExecutor stopping;
        synchronized (this) {
            stopping = executor;
            executor = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            stopping.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
