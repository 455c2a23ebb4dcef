package io.persistor.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.persistor.Persistor;
import io.persistor.spring.boot.actuate.PersistorEndpoint;
import io.persistor.spring.boot.actuate.PersistorHealthIndicator;
import io.persistor.spring.boot.actuate.PersistorMetrics;
import io.persistor.spring.boot.backup.BackupOutcome;
import io.persistor.spring.boot.backup.BackupRecord;
import io.persistor.spring.boot.backup.BackupSchedule;
import io.persistor.spring.boot.backup.PersistorBackups;
import io.persistor.spring.boot.lock.AdvisoryLock;
import io.persistor.spring.boot.target.StoredBackup;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter against a real PostgreSQL server, reading as a role that has only CONNECT, USAGE and SELECT: the
 * schedule fires, retention prunes, metrics, the endpoint and health report it, and instances sharing the database
 * take turns through the advisory lock.
 */
@ExtendWith(FreshDatabase.class)
class PersistorBackupsIT {

    private static final ApplicationContextRunner RUNNER = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PersistorAutoConfiguration.class,
                    PersistorActuatorAutoConfiguration.class, PersistorMetricsAutoConfiguration.class));

    @Test
    void scheduledBackupsArePublishedPrunedAndReported(TestDatabase database, @TempDir Path output) {
        DataSource reader = items(database, 100);
        RUNNER.withBean(DataSource.class, () -> reader).withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("persistor.output=" + output, "persistor.schedule.cron=* * * * * *",
                        "persistor.retention.keep=2", "management.endpoints.web.exposure.include=persistor")
                .run(context -> {
                    PersistorBackups backups = context.getBean(PersistorBackups.class);
                    await().atMost(Duration.ofSeconds(30)).until(() -> succeeded(backups.history()).size() >= 3);
                    context.getBean(BackupSchedule.class).stop();

                    List<BackupRecord> runs = backups.history();
                    List<BackupRecord> succeeded = succeeded(runs);
                    assertThat(runs).as("one instance neither skips nor fails").isEqualTo(succeeded);
                    assertThat(succeeded).allSatisfy(run -> assertThat(run.rows()).isEqualTo(100));
                    List<String> newestTwo = Stream.of(succeeded.get(0), succeeded.get(1))
                            .map(run -> Path.of(run.location()).getFileName().toString()).toList();
                    assertThat(published(output)).as("retention keeps the two newest")
                            .containsExactlyInAnyOrderElementsOf(newestTwo);
                    assertThat(succeeded.get(0).pruned()).hasSize(1);
                    assertThat(Persistor.verify(Path.of(succeeded.get(0).location())).intact()).isTrue();

                    PersistorEndpoint.Report report = context.getBean(PersistorEndpoint.class).backups();
                    assertThat(report.location()).isEqualTo(output.toString());
                    assertThat(report.published()).extracting(StoredBackup::name).containsExactlyElementsOf(newestTwo);
                    assertThat(report.runs()).isEqualTo(runs);

                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get(PersistorMetrics.DURATION).tag("outcome", "succeeded").timer().count())
                            .isEqualTo(succeeded.size());
                    assertThat(registry.get(PersistorMetrics.ROWS).counter().count())
                            .isEqualTo(100.0 * succeeded.size());
                    assertThat(registry.get(PersistorMetrics.BYTES).counter().count())
                            .isEqualTo(succeeded.stream().mapToLong(BackupRecord::bytes).sum());
                    assertThat(registry.get(PersistorMetrics.FAILURES).counter().count()).isZero();
                    assertThat(registry.get(PersistorMetrics.LAST_SUCCESS).timeGauge().value(TimeUnit.MILLISECONDS))
                            .isEqualTo(succeeded.get(0).finished().toEpochMilli());

                    Health health = context.getBean(PersistorHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("lastSuccess", succeeded.get(0).finished().toString())
                            .containsEntry("lastRun", "SUCCEEDED");
                });
    }

    @Test
    void skipsWhileAnotherSessionHoldsTheLockAndBacksUpOnceItIsFree(TestDatabase database, @TempDir Path output) {
        DataSource reader = items(database, 10);
        RUNNER.withBean(DataSource.class, () -> reader)
                .withPropertyValues("persistor.output=" + output, "persistor.lock.name=shop", "persistor.history=1")
                .run(context -> {
                    PersistorBackups backups = context.getBean(PersistorBackups.class);
                    BackupRecord skipped;
                    try (Connection other = reader.getConnection()) {
                        assertThat(advisoryLock(other, "pg_try_advisory_lock")).isTrue();
                        skipped = backups.backupNow();
                        assertThat(advisoryLock(other, "pg_advisory_unlock")).isTrue();
                    }
                    assertThat(skipped.outcome()).isEqualTo(BackupOutcome.SKIPPED);
                    assertThat(skipped.message()).isEqualTo("Another instance holds the advisory lock 'shop'");
                    assertThat(published(output)).isEmpty();

                    BackupRecord taken = backups.backupNow();
                    assertThat(taken.outcome()).as(taken.message()).isEqualTo(BackupOutcome.SUCCEEDED);
                    assertThat(published(output)).hasSize(1);
                    assertThat(backups.history()).containsExactly(taken);
                    try (Connection other = reader.getConnection()) {
                        assertThat(advisoryLock(other, "pg_try_advisory_lock")).as("released after the backup").isTrue();
                    }
                });
    }

    @Test
    void twoInstancesOnOneDatabaseTakeOneBackupPerTick(TestDatabase database, @TempDir Path output) {
        // Enough rows that a backup lasts a while, so both instances are at it in the same tick.
        DataSource reader = items(database, 50_000);
        ApplicationContextRunner instance = RUNNER.withBean(DataSource.class, () -> reader)
                .withPropertyValues("persistor.output=" + output, "persistor.schedule.cron=* * * * * *");
        instance.run(first -> instance.run(second -> {
            PersistorBackups one = first.getBean(PersistorBackups.class);
            PersistorBackups other = second.getBean(PersistorBackups.class);
            await().atMost(Duration.ofSeconds(40))
                    .until(() -> one.history().size() >= 4 && other.history().size() >= 4);
            first.getBean(BackupSchedule.class).stop();
            second.getBean(BackupSchedule.class).stop();

            List<BackupRecord> runs = Stream.concat(one.history().stream(), other.history().stream()).toList();
            assertThat(runs).filteredOn(run -> run.outcome() == BackupOutcome.FAILED).isEmpty();
            List<String> taken = succeeded(runs).stream().map(BackupRecord::location).toList();
            assertThat(taken).as("each tick backed up once").doesNotHaveDuplicates().isNotEmpty();
            assertThat(published(output)).hasSameSizeAs(taken);
            assertThat(runs).filteredOn(run -> run.outcome() == BackupOutcome.SKIPPED).isNotEmpty();
        }));
    }

    /** A table of some rows, and a data source of the SELECT-only role. */
    private static DataSource items(TestDatabase database, int rows) {
        database.execute("CREATE TABLE item (id integer PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO item SELECT g, 'item ' || g FROM generate_series(1, " + rows + ") g");
        return database.selectOnlyDataSource();
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_catalog." + function + "(?)")) {
            statement.setLong(1, AdvisoryLock.key("shop"));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static List<BackupRecord> succeeded(List<BackupRecord> runs) {
        return runs.stream().filter(run -> run.outcome() == BackupOutcome.SUCCEEDED).toList();
    }

    /** The published backups' names, without the hidden files of a backup being written. */
    private static List<String> published(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith(".")).toList();
        }
    }
}
