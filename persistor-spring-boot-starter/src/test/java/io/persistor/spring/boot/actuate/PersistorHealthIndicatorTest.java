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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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

/**
 * The health of an instance that has not backed up itself: UP while a published backup is young enough or, without
 * one, for the grace of one maximum age; DOWN after that.
 */
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

    @Test
    void countsTheBackupsAnotherInstancePublished(@TempDir Path output) throws IOException {
        Path published = Files.writeString(output.resolve("app-20261205-013000.sql"), "-- another instance's");
        Files.setLastModifiedTime(published, FileTime.from(clock.now.minus(Duration.ofMinutes(30))));
        PersistorHealthIndicator indicator = new PersistorHealthIndicator(unreachable(output), Duration.ofHours(1),
                clock);

        Health young = indicator.health();
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        Health stillYoung = indicator.health();
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        Health old = indicator.health();

        assertThat(young.getStatus()).isEqualTo(Status.UP);
        assertThat(young.getDetails()).containsEntry("lastSuccess", "none yet")
                .containsEntry("newestPublished", "app-20261205-013000.sql");
        assertThat(stillYoung.getStatus()).isEqualTo(Status.UP);
        assertThat(old.getStatus()).as("the published backup is 61 minutes old").isEqualTo(Status.DOWN);
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
