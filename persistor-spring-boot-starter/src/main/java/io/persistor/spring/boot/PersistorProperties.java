package io.persistor.spring.boot;

import io.persistor.Compression;
import io.persistor.Format;
import io.persistor.Retention;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code persistor.*} properties.
 *
 * @param enabled     Whether backups are configured at all
 * @param datasource  A separate data source for backups, typically of a read-only role; the application's own
 *                    DataSource when its URL is not set
 * @param schemas     The schemas to back up
 * @param format      How rows are written: INSERTS (plain SQL) or COPY
 * @param compression How backups are compressed: NONE, GZIP or ZSTD
 * @param output      Where backups go: a directory, or s3://bucket/prefix/ with persistor-s3 on the class path
 * @param retention   Which older backups to delete after each new one verifies
 * @param schedule    When to back up
 * @param lock        The advisory lock that lets one instance among many take each backup
 * @param health      When the health indicator turns DOWN
 * @param history     How many recent runs the Actuator endpoint shows
 * @param s3          How to reach an S3-compatible server when no S3Client bean is defined
 */
@ConfigurationProperties("persistor")
public record PersistorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue DataSourceProperties datasource,
        @DefaultValue("public") List<String> schemas,
        @DefaultValue("inserts") Format format,
        @DefaultValue("none") Compression compression,
        @DefaultValue("backups") String output,
        @DefaultValue RetentionProperties retention,
        @DefaultValue ScheduleProperties schedule,
        @DefaultValue LockProperties lock,
        @DefaultValue HealthProperties health,
        @DefaultValue("20") int history,
        @DefaultValue S3Properties s3) {

    /**
     * The {@code persistor.datasource.*} properties.
     *
     * @param url      The JDBC URL, jdbc:postgresql://host:port/database; connections are opened only while a backup
     *                 runs, and are read-only
     * @param username The role
     * @param password Its password
     */
    public record DataSourceProperties(String url, String username, String password) {
    }

    /**
     * The {@code persistor.retention.*} properties; both 0 (the default) keeps every backup.
     *
     * @param keep     Keep the newest this many backups, the new one counted
     * @param keepDays Keep the backups younger than this many days
     */
    public record RetentionProperties(int keep, int keepDays) {

        /**
         * The retention these properties describe.
         *
         * @return the retention, or {@code null} when nothing is to be pruned
         */
        public Retention toRetention() {
            if (keep == 0 && keepDays == 0) {
                return null;
            }
            return keep == 0 ? Retention.keepDays(keepDays)
                    : keepDays == 0 ? Retention.keep(keep) : Retention.keep(keep).orDays(keepDays);
        }
    }

    /**
     * The {@code persistor.schedule.*} properties.
     *
     * @param cron When to back up, six fields with seconds first ("0 0 2 * * *" is 02:00 every day); no schedule
     *             when absent
     */
    public record ScheduleProperties(String cron) {
    }

    /**
     * The {@code persistor.lock.*} properties.
     *
     * @param name The advisory lock's name; instances backing up the same database with the same name take turns
     */
    public record LockProperties(@DefaultValue("persistor") String name) {
    }

    /**
     * The {@code persistor.health.*} properties.
     *
     * @param maxAge How old the last successful backup may be before the health indicator is DOWN
     */
    public record HealthProperties(@DefaultValue("25h") Duration maxAge) {
    }

    /**
     * The {@code persistor.s3.*} properties.
     *
     * @param endpoint  An S3-compatible server instead of AWS
     * @param region    The bucket's region; the AWS SDK's default chain when absent, us-east-1 with an endpoint
     * @param pathStyle Whether to address buckets as a path (http://server/bucket/key), as most S3-compatible
     *                  servers want
     */
    public record S3Properties(URI endpoint, String region, boolean pathStyle) {
    }
}
