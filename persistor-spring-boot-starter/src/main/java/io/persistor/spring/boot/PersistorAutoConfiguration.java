package io.persistor.spring.boot;

import io.persistor.spring.boot.backup.BackupDataSource;
import io.persistor.spring.boot.backup.BackupListener;
import io.persistor.spring.boot.backup.BackupOptions;
import io.persistor.spring.boot.backup.BackupSchedule;
import io.persistor.spring.boot.backup.PersistorBackups;
import io.persistor.spring.boot.lock.AdvisoryLock;
import io.persistor.spring.boot.target.BackupTarget;
import io.persistor.spring.boot.target.DirectoryTarget;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.support.CronExpression;

/**
 * Backs up the application's PostgreSQL database as {@code persistor.*} says: a {@link PersistorBackups} bean to
 * inject, and a {@link BackupSchedule} when {@code persistor.schedule.cron} is set. On when there is a database to
 * back up (a {@link DataSource} bean, or {@code persistor.datasource.url}) and {@code persistor.enabled} is not
 * {@code false}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBooleanProperty(name = "persistor.enabled", matchIfMissing = true)
@Conditional(OnBackupDataSourceCondition.class)
@EnableConfigurationProperties(PersistorProperties.class)
@Import(PersistorS3Configuration.class)
public class PersistorAutoConfiguration {

    /** Made by Spring. */
    public PersistorAutoConfiguration() {
    }

    /**
     * The data source backups read from: {@code persistor.datasource.*} when its URL is set, the application's
     * (primary) DataSource otherwise.
     *
     * @param properties  the properties
     * @param dataSources the application's data sources
     * @return the data source
     */
    @Bean
    @ConditionalOnMissingBean
    public BackupDataSource persistorBackupDataSource(PersistorProperties properties,
            ObjectProvider<DataSource> dataSources) {
        PersistorProperties.DataSourceProperties separate = properties.datasource();
        if (separate.url() != null) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(separate.url());
            dataSource.setUser(separate.username());
            dataSource.setPassword(separate.password());
            dataSource.setReadOnly(true);
            return new BackupDataSource(dataSource, "persistor.datasource " + separate.url());
        }
        DataSource dataSource = dataSources.getIfUnique();
        if (dataSource == null) {
            throw new IllegalStateException("Persistor found several DataSource beans and none is @Primary: mark one "
                    + "@Primary, set persistor.datasource.url, or define a BackupDataSource bean");
        }
        return new BackupDataSource(dataSource, "the application's DataSource");
    }

    /**
     * The directory backups go to, unless {@code persistor.output} is an {@code s3://} location.
     *
     * @param properties the properties
     * @return the target
     * @throws IllegalStateException when the output is an {@code s3://} location and persistor-s3 is missing
     */
    @Bean
    @ConditionalOnMissingBean
    public BackupTarget persistorBackupTarget(PersistorProperties properties) {
        if (OnS3OutputCondition.isS3(properties.output())) {
            throw new IllegalStateException(OnS3OutputCondition.OUTPUT + "=" + properties.output()
                    + " needs io.persistor:persistor-s3 on the class path");
        }
        return new DirectoryTarget(Path.of(properties.output()));
    }

    /**
     * The backups.
     *
     * @param source     where to read from
     * @param target     where to publish
     * @param properties the properties
     * @param listeners  told of every run, such as the metrics
     * @return the bean to inject to back up on demand
     */
    @Bean
    @ConditionalOnMissingBean
    public PersistorBackups persistorBackups(BackupDataSource source, BackupTarget target,
            PersistorProperties properties, ObjectProvider<BackupListener> listeners) {
        BackupOptions options = new BackupOptions(properties.schemas(), properties.format(), properties.compression(),
                properties.retention().toRetention());
        return new PersistorBackups(source, target, options, new AdvisoryLock(properties.lock().name()), listeners,
                Clock.systemDefaultZone(), properties.history());
    }

    /**
     * Backs up at each tick of {@code persistor.schedule.cron}.
     *
     * @param backups    the backups
     * @param properties the properties
     * @return the schedule, started with the application context
     * @throws IllegalArgumentException when the expression is not a valid cron expression
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("persistor.schedule.cron")
    public BackupSchedule persistorBackupSchedule(PersistorBackups backups, PersistorProperties properties) {
        String cron = properties.schedule().cron();
        try {
            return new BackupSchedule(backups, CronExpression.parse(cron), Clock.systemDefaultZone());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("persistor.schedule.cron='" + cron + "' is not a cron expression of six "
                    + "fields, seconds first (for example '0 0 2 * * *'): " + e.getMessage(), e);
        }
    }
}
