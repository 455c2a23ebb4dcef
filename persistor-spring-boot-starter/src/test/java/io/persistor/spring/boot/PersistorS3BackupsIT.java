package io.persistor.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.persistor.Persistor;
import io.persistor.s3.S3InputSource;
import io.persistor.s3.S3Location;
import io.persistor.s3.testkit.S3ProxyServer;
import io.persistor.spring.boot.actuate.PersistorEndpoint;
import io.persistor.spring.boot.backup.BackupOutcome;
import io.persistor.spring.boot.backup.BackupRecord;
import io.persistor.spring.boot.backup.BackupSchedule;
import io.persistor.spring.boot.backup.PersistorBackups;
import io.persistor.spring.boot.target.BackupTarget;
import io.persistor.spring.boot.target.S3Target;
import io.persistor.spring.boot.target.StoredBackup;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The starter publishing to an S3-compatible server (S3Proxy, checking signatures) from a real PostgreSQL server,
 * reading as a role that has only CONNECT, USAGE and SELECT: scheduled backups land under the prefix, retention
 * deletes the older objects, and the newest verifies from the bucket.
 */
@ExtendWith(FreshDatabase.class)
class PersistorS3BackupsIT {

    private static final ApplicationContextRunner RUNNER = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PersistorAutoConfiguration.class,
                    PersistorActuatorAutoConfiguration.class));

    @Test
    void scheduledBackupsArePublishedUnderThePrefixAndPruned(TestDatabase database, @TempDir Path directory) {
        database.execute("CREATE TABLE item (id integer PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO item SELECT g, 'item ' || g FROM generate_series(1, 100) g");
        DataSource reader = database.selectOnlyDataSource();
        try (S3ProxyServer server = S3ProxyServer.start(directory); S3Client client = server.client()) {
            server.createBucket("backups");
            // An object beside the prefix, whose name the backups' names begin with, is neither listed nor pruned.
            client.putObject(b -> b.bucket("backups").key("shop-notes.txt"),
                    RequestBody.fromString("not a backup"));
            RUNNER.withBean(DataSource.class, () -> reader).withBean(S3Client.class, () -> client)
                    .withPropertyValues("persistor.output=s3://backups/shop/", "persistor.schedule.cron=* * * * * *",
                            "persistor.retention.keep=2", "management.endpoints.web.exposure.include=persistor")
                    .run(context -> {
                        PersistorBackups backups = context.getBean(PersistorBackups.class);
                        await().atMost(Duration.ofSeconds(60)).until(() -> succeeded(backups.history()).size() >= 3);
                        context.getBean(BackupSchedule.class).stop();

                        List<BackupRecord> succeeded = succeeded(backups.history());
                        assertThat(succeeded).allSatisfy(run -> assertThat(run.rows()).isEqualTo(100));
                        List<String> newestTwo = List.of(name(succeeded.get(0)), name(succeeded.get(1)));
                        assertThat(client.listObjectsV2(b -> b.bucket("backups")).contents())
                                .extracting(S3Object::key).as("retention keeps the two newest under the prefix")
                                .containsExactlyInAnyOrder("shop-notes.txt", "shop/" + newestTwo.get(0),
                                        "shop/" + newestTwo.get(1));
                        assertThat(succeeded.get(0).pruned()).isNotEmpty();
                        assertThat(Persistor.verify(new S3InputSource(client,
                                S3Location.parse(succeeded.get(0).location())), null).intact()).isTrue();

                        BackupTarget target = context.getBean(BackupTarget.class);
                        assertThat(target).isInstanceOf(S3Target.class);
                        assertThat(target.contains(newestTwo.get(0))).isTrue();
                        String older = name(succeeded.get(succeeded.size() - 1));
                        assertThat(target.contains(older)).as("pruned").isFalse();
                        assertThat(target.contains(newestTwo.get(0).substring(0, 10)))
                                .as("a name another begins with").isFalse();

                        PersistorEndpoint.Report report = context.getBean(PersistorEndpoint.class).backups();
                        assertThat(report.location()).isEqualTo("s3://backups/shop/");
                        assertThat(report.published()).extracting(StoredBackup::name)
                                .containsExactlyElementsOf(newestTwo);
                    });
        }
    }

    private static String name(BackupRecord run) {
        return S3Location.parse(run.location()).name();
    }

    private static List<BackupRecord> succeeded(List<BackupRecord> runs) {
        return runs.stream().filter(run -> run.outcome() == BackupOutcome.SUCCEEDED).toList();
    }
}
