package io.persistor.spring.boot.backup;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * The data source backups read from: the application's own, or a separate one for a read-only role. A bean of its
 * own type, so that it never competes with the application's {@link DataSource} beans; an application may define it
 * to back up, say, a replica.
 *
 * @param dataSource  where to read from
 * @param description what it is, for messages
 */
public record BackupDataSource(DataSource dataSource, String description) {

    /** Checks the data source is given. */
    public BackupDataSource {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(description, "description");
    }
}
