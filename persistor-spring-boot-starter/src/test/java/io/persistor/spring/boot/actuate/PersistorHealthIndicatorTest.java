package io.persistor.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.Compression;
import io.persistor.Format;
import io.persistor.spring.boot.backup.BackupDataSource;
import io.persistor.spring.boot.backup.BackupOptions;
import io.persistor.spring.boot.backup.BackupOutcome;
import io.persistor.spring.boot.backup.BackupRecord;
import io.persistor.spring.boot.backup.PersistorBackups;
import io.persistor.spring.boot.lock.AdvisoryLock;
import io.persistor.spring.boot.target.DirectoryTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The health of an instance that has not backed up yet: UP for the grace of one maximum age, DOWN after it. */
class PersistorHealthIndicatorTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-05T02:00:00Z"));

    @Test
    void isUpWithoutABackupUntilTheMaximumAgeHasPassedSinceTheStart(@TempDir Path output) {
        PersistorHealthIndicator indicator = new PersistorHealthIndicator(unreachable(output), Duration.ofHours(1),
                clock);

        Health started = indicator.health();
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        Health overdue = indicator.health();

        assertThat(started.getStatus()).isEqualTo(Status.UP);
        assertThat(started.getDetails()).containsEntry("lastSuccess", "none yet").doesNotContainKey("lastRun");
        assertThat(overdue.getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void reportsAFailedRunWithoutThrowing(@TempDir Path output) {
        PersistorBackups backups = unreachable(output);
        PersistorHealthIndicator indicator = new PersistorHealthIndicator(backups, Duration.ofHours(1), clock);

        BackupRecord failed = backups.backupNow();

        assertThat(failed.outcome()).isEqualTo(BackupOutcome.FAILED);
        assertThat(failed.message()).contains("Cannot connect to take the advisory lock 'persistor'");
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(indicator.health().getDetails().get("lastRun")).asString().startsWith("FAILED: Cannot connect");
    }

    /** Backups of a server nobody listens on: every run fails at once. */
    private PersistorBackups unreachable(Path output) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://localhost:1/app");
        return new PersistorBackups(new BackupDataSource(dataSource, "nowhere"), new DirectoryTarget(output),
                new BackupOptions(List.of("public"), Format.INSERTS, Compression.NONE, null),
                new AdvisoryLock("persistor"), List.of(), clock, 5);
    }

    /** A clock the test moves. */
    private static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
