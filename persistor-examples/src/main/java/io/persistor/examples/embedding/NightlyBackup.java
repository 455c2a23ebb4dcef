package io.persistor.examples.embedding;

import io.persistor.BackupResult;
import io.persistor.Persistor;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * How an application backs up its own schema with the data source it already has: one call, one file,
 * published only when complete.
 */
public final class NightlyBackup {

    private final DataSource dataSource;
    private final Path directory;

    /**
     * @param dataSource the application's pool; its role needs only SELECT on the tables and sequences
     * @param directory  where the backups go
     */
    public NightlyBackup(DataSource dataSource, Path directory) {
        this.dataSource = dataSource;
        this.directory = directory;
    }

    /**
     * Backs up the {@code public} schema into {@code shop-<date>.sql}, replacing the file of an earlier run that day.
     *
     * @param day the date in the file's name
     * @return what was written
     */
    public BackupResult run(LocalDate day) {
        return Persistor.backup(dataSource)
                .schema("public")
                .overwrite()
                .to(directory.resolve("shop-" + day + ".sql"));
    }
}
