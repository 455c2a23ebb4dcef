package io.persistor.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.persistor.Compression;
import io.persistor.Format;
import io.persistor.s3.S3OutputSink;
import io.persistor.spring.boot.actuate.PersistorEndpoint;
import io.persistor.spring.boot.actuate.PersistorHealthIndicator;
import io.persistor.spring.boot.actuate.PersistorMetrics;
import io.persistor.spring.boot.backup.BackupDataSource;
import io.persistor.spring.boot.backup.BackupSchedule;
import io.persistor.spring.boot.backup.PersistorBackups;
import io.persistor.spring.boot.target.BackupTarget;
import io.persistor.spring.boot.target.DirectoryTarget;
import io.persistor.spring.boot.target.S3Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.s3.S3Client;

/** Which beans {@code persistor.*} gives an application, without a database: none of these contexts connects. */
class PersistorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PersistorAutoConfiguration.class,
                    PersistorActuatorAutoConfiguration.class, PersistorMetricsAutoConfiguration.class));

    private final ApplicationContextRunner withDataSource = runner.withBean(DataSource.class,
            PersistorAutoConfigurationTest::unreachable);

    private static DataSource unreachable() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://localhost:1/app");
        return dataSource;
    }

    @Test
    void backsOffWithoutADatabase() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PersistorBackups.class)
                .doesNotHaveBean(PersistorProperties.class));
    }

    @Test
    void backsUpTheApplicationDataSourceIntoADirectoryWithoutASchedule() {
        withDataSource.withPropertyValues("persistor.output=target/app-backups").run(context -> {
            assertThat(context).hasSingleBean(PersistorBackups.class).doesNotHaveBean(BackupSchedule.class);
            assertThat(context.getBean(BackupDataSource.class).dataSource()).isSameAs(context.getBean(DataSource.class));
            assertThat(context.getBean(BackupTarget.class)).isInstanceOf(DirectoryTarget.class);
            assertThat(context.getBean(BackupTarget.class).location())
                    .isEqualTo(Path.of("target/app-backups").toAbsolutePath().normalize().toString());
        });
    }

    @Test
    void readsASeparateReadOnlyDataSourceFromItsOwnProperties() {
        runner.withPropertyValues("persistor.datasource.url=jdbc:postgresql://db.example:5432/shop",
                "persistor.datasource.username=backup", "persistor.datasource.password=secret").run(context -> {
                    assertThat(context).hasSingleBean(PersistorBackups.class).doesNotHaveBean(DataSource.class);
                    PGSimpleDataSource dataSource = (PGSimpleDataSource) context.getBean(BackupDataSource.class)
                            .dataSource();
                    assertThat(dataSource.getServerNames()).containsExactly("db.example");
                    assertThat(dataSource.getDatabaseName()).isEqualTo("shop");
                    assertThat(dataSource.getUser()).isEqualTo("backup");
                    assertThat(dataSource.getReadOnly()).isTrue();
                });
    }

    @Test
    void bindsTheBackupOptions() {
        withDataSource.withPropertyValues("persistor.schemas=sales,stock", "persistor.format=copy",
                "persistor.compression=zstd", "persistor.retention.keep=7", "persistor.retention.keep-days=30",
                "persistor.health.max-age=2h", "persistor.lock.name=shop-backup").run(context -> {
                    PersistorProperties properties = context.getBean(PersistorProperties.class);
                    assertThat(properties.schemas()).containsExactly("sales", "stock");
                    assertThat(properties.format()).isEqualTo(Format.COPY);
                    assertThat(properties.compression()).isEqualTo(Compression.ZSTD);
                    assertThat(properties.retention().toRetention()).isNotNull();
                    assertThat(properties.health().maxAge()).isEqualTo(Duration.ofHours(2));
                    assertThat(properties.lock().name()).isEqualTo("shop-backup");
                });
    }

    @Test
    void keepsEveryBackupUnlessARetentionIsSet() {
        withDataSource.run(context -> assertThat(context.getBean(PersistorProperties.class).retention().toRetention())
                .isNull());
    }

    @Test
    void refusesANegativeRetentionNamingIt() {
        withDataSource.withPropertyValues("persistor.retention.keep=-1").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("Invalid retention: keep -1 backups"));
    }

    @Test
    void schedulesOnlyWhenACronIsSet() {
        withDataSource.withPropertyValues("persistor.schedule.cron=0 0 2 * * *")
                .run(context -> assertThat(context).hasSingleBean(BackupSchedule.class));
    }

    @Test
    void refusesAnInvalidCronNamingTheProperty() {
        withDataSource.withPropertyValues("persistor.schedule.cron=every night").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("every night"));
        withDataSource.withPropertyValues("persistor.schedule.cron=every night").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("persistor.schedule.cron='every night' is not a cron expression"));
    }

    @Test
    void disabledSwitchesEverythingOff() {
        withDataSource.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("persistor.enabled=false", "persistor.schedule.cron=* * * * * *",
                        "management.endpoints.web.exposure.include=persistor")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PersistorBackups.class)
                        .doesNotHaveBean(BackupSchedule.class).doesNotHaveBean(PersistorEndpoint.class)
                        .doesNotHaveBean(PersistorHealthIndicator.class).doesNotHaveBean(PersistorMetrics.class));
    }

    @Test
    void applicationBeansWin() {
        BackupTarget own = new DirectoryTarget(Path.of("target/own"));
        BackupDataSource replica = new BackupDataSource(unreachable(), "the replica");
        withDataSource.withBean(BackupTarget.class, () -> own).withBean(BackupDataSource.class, () -> replica)
                .run(context -> {
                    assertThat(context.getBean(BackupTarget.class)).isSameAs(own);
                    assertThat(context.getBean(BackupDataSource.class)).isSameAs(replica);
                    assertThat(context.getBean(PersistorBackups.class).target()).isSameAs(own);
                });
    }

    @Test
    void publishesToABucketWhenTheOutputIsAnS3Location() {
        withDataSource.withPropertyValues("persistor.output=s3://backups/shop", "persistor.s3.endpoint=http://localhost:1",
                "persistor.s3.path-style=true").run(context -> {
                    assertThat(context).hasSingleBean(S3Client.class);
                    assertThat(context.getBean(BackupTarget.class)).isInstanceOf(S3Target.class);
                    assertThat(context.getBean(BackupTarget.class).location()).isEqualTo("s3://backups/shop/");
                });
    }

    @Test
    void saysToAddPersistorS3WhenTheOutputIsAnS3LocationWithoutIt() {
        withDataSource.withClassLoader(new FilteredClassLoader(S3OutputSink.class))
                .withPropertyValues("persistor.output=s3://backups/shop/").run(context -> assertThat(context)
                        .getFailure().rootCause().hasMessageContaining("needs io.persistor:persistor-s3"));
    }

    @Test
    void registersTheMetersWhenTheApplicationHasARegistry() {
        withDataSource.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(PersistorMetrics.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find(PersistorMetrics.DURATION).timers()).hasSize(3);
            assertThat(List.of(PersistorMetrics.BYTES, PersistorMetrics.ROWS, PersistorMetrics.FAILURES,
                    PersistorMetrics.LAST_SUCCESS)).allSatisfy(name -> assertThat(registry.find(name).meter())
                            .as(name).isNotNull());
        });
    }

    @Test
    void leavesTheMetersOutWithoutMicrometer() {
        withDataSource.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PersistorMetrics.class));
    }

    @Test
    void offersTheEndpointOnceExposed() {
        withDataSource.run(context -> assertThat(context).doesNotHaveBean(PersistorEndpoint.class));
        withDataSource.withPropertyValues("management.endpoints.web.exposure.include=persistor")
                .run(context -> assertThat(context).hasSingleBean(PersistorEndpoint.class));
    }

    @Test
    void offersTheHealthIndicatorUnlessDisabled() {
        withDataSource.run(context -> assertThat(context).hasSingleBean(PersistorHealthIndicator.class)
                .hasBean("persistorHealthIndicator"));
        withDataSource.withPropertyValues("management.health.persistor.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(PersistorHealthIndicator.class));
    }
}
