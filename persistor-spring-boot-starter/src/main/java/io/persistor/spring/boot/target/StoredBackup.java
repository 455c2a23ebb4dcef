package io.persistor.spring.boot.target;

import java.time.Instant;

/**
 * A backup found where backups are published.
 *
 * @param name     its file or object name, for example {@code shop-20261205-020000.sql.zst}
 * @param bytes    its size
 * @param modified when it was last written
 */
public record StoredBackup(String name, long bytes, Instant modified) {
}
