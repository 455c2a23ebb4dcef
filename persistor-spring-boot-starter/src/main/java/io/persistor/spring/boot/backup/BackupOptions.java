package io.persistor.spring.boot.backup;

import io.persistor.Backup;
import io.persistor.Compression;
import io.persistor.Format;
import io.persistor.Retention;
import java.util.List;
import java.util.Objects;

/**
 * What every backup of the application looks like.
 *
 * @param schemas     the schemas to back up
 * @param format      how rows are written
 * @param compression how the file is compressed
 * @param retention   which older backups to keep, or {@code null} to keep them all
 */
public record BackupOptions(List<String> schemas, Format format, Compression compression, Retention retention) {

    /** Checks and copies. */
    public BackupOptions {
        schemas = List.copyOf(schemas);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(compression, "compression");
    }

    /**
     * Applies the options to a backup.
     *
     * @param backup a new backup
     * @return the same backup
     */
    Backup applyTo(Backup backup) {
        return backup.schemas(schemas.toArray(String[]::new)).format(format).compression(compression);
    }
}
