package io.persistor.spring.boot.actuate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.persistor.spring.boot.backup.BackupListener;
import io.persistor.spring.boot.backup.BackupOutcome;
import io.persistor.spring.boot.backup.BackupRecord;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Micrometer meters of the backup runs:
 * <ul>
 *   <li>{@value #DURATION} (timer), tagged {@code outcome} = {@code succeeded}, {@code skipped} or {@code failed};</li>
 *   <li>{@value #BYTES} and {@value #ROWS} (counters), written by successful runs;</li>
 *   <li>{@value #FAILURES} (counter), failed runs;</li>
 *   <li>{@value #LAST_SUCCESS} (time gauge), when the last successful run of this instance ended, since the epoch;
 *       0 until one has.</li>
 * </ul>
 */
public class PersistorMetrics implements BackupListener {

    /** The timer of every run. */
    public static final String DURATION = "persistor.backup.duration";
    /** The counter of bytes written. */
    public static final String BYTES = "persistor.backup.bytes";
    /** The counter of rows written. */
    public static final String ROWS = "persistor.backup.rows";
    /** The counter of failed runs. */
    public static final String FAILURES = "persistor.backup.failures";
    /** The time gauge of the last success. */
    public static final String LAST_SUCCESS = "persistor.backup.last.success";

    private final Map<BackupOutcome, Timer> durations = new EnumMap<>(BackupOutcome.class);
    private final Counter bytes;
    private final Counter rows;
    private final Counter failures;
    private final AtomicLong lastSuccess = new AtomicLong();

    /**
     * Registers the meters.
     *
     * @param registry where
     */
    public PersistorMetrics(MeterRegistry registry) {
        for (BackupOutcome outcome : BackupOutcome.values()) {
            durations.put(outcome, Timer.builder(DURATION).description("How long backup runs take")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        bytes = Counter.builder(BYTES).baseUnit("bytes").description("Bytes of published backups")
                .register(registry);
        rows = Counter.builder(ROWS).baseUnit("rows").description("Rows in published backups").register(registry);
        failures = Counter.builder(FAILURES).description("Backup runs that failed").register(registry);
        TimeGauge.builder(LAST_SUCCESS, lastSuccess, TimeUnit.MILLISECONDS, AtomicLong::doubleValue)
                .description("When the last successful backup of this instance ended").register(registry);
    }

    @Override
    public void recorded(BackupRecord record) {
        durations.get(record.outcome()).record(record.duration());
        switch (record.outcome()) {
            case SUCCEEDED -> {
                bytes.increment(record.bytes());
                rows.increment(record.rows());
                lastSuccess.set(record.finished().toEpochMilli());
            }
            case FAILED -> failures.increment();
            case SKIPPED -> { }
        }
    }
}
