package io.persistor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 5, 12, 0);

    @TempDir
    Path directory;

    @Test
    void namesCarryTheStampCompressionAndEncryption() {
        assertThat(Retention.fileName("shop", NOW, Compression.ZSTD, true)).isEqualTo("shop-20261205-120000.sql.zst.gpg");
        assertThat(Retention.fileName("shop", NOW, Compression.NONE, false)).isEqualTo("shop-20261205-120000.sql");
    }

    @Test
    void byAgeKeepsTheBackupsYoungerThanTheDaysGiven() throws Exception {
        Path fresh = backups("shop-20261205-120000.sql", "shop-20261204-120000.sql.gz", "shop-20261203-110000.sql",
                "shop-20261201-000000.sql.zst.gpg");

        List<Path> deleted = Retention.keepDays(2).prune(intact(fresh), "shop", NOW);

        assertThat(deleted).extracting(p -> p.getFileName().toString())
                .containsExactly("shop-20261201-000000.sql.zst.gpg", "shop-20261203-110000.sql");
        assertThat(directory.resolve("shop-20261204-120000.sql.gz")).exists();
        assertThat(fresh).exists();
    }

    @Test
    void withCountAndAgeABackupEitherKeepsStays() throws Exception {
        Path fresh = backups("shop-20261205-120000.sql", "shop-20261205-110000.sql", "shop-20261205-100000.sql",
                "shop-20261101-000000.sql");

        List<Path> deleted = Retention.keep(2).orDays(1).prune(intact(fresh), "shop", NOW);

        assertThat(deleted).extracting(p -> p.getFileName().toString()).containsExactly("shop-20261101-000000.sql");
    }

    @Test
    void nothingButTheDatabasesOwnBackupsIsEverTouched() throws Exception {
        Path fresh = backups("shop-20261205-120000.sql", "shop-20261101-000000.sql", "shopping-20261101-000000.sql",
                "shop-20261101-000000.sql.bak", "notes.txt", "shop-2026.sql");

        List<Path> deleted = Retention.keep(1).prune(intact(fresh), "shop", NOW);

        assertThat(deleted).extracting(p -> p.getFileName().toString()).containsExactly("shop-20261101-000000.sql");
        assertThat(directory.resolve("shopping-20261101-000000.sql")).exists();
        assertThat(directory.resolve("shop-20261101-000000.sql.bak")).exists();
        assertThat(directory.resolve("notes.txt")).exists();
    }

    @Test
    void aBackupThatDoesNotVerifyPrunesNothing() throws Exception {
        Path fresh = backups("shop-20261205-120000.sql", "shop-20261101-000000.sql");
        BackupVerification broken = new BackupVerification(fresh, Map.of(), List.of("It was cut short."));

        assertThatThrownBy(() -> Retention.keep(1).prune(broken, "shop", NOW))
                .isInstanceOf(PersistorException.class).hasMessageContaining("does not verify: It was cut short.");
        assertThat(directory.resolve("shop-20261101-000000.sql")).exists();
    }

    @Test
    void aRetentionKeepsSomething() {
        assertThatThrownBy(() -> Retention.keep(0)).hasMessageContaining("Invalid retention");
        assertThatThrownBy(() -> Retention.keepDays(-1)).hasMessageContaining("Invalid retention");
    }

    private static BackupVerification intact(Path file) {
        return new BackupVerification(file, Map.of(), List.of());
    }

    /** Creates the files; returns the first, the fresh backup. */
    private Path backups(String... names) throws Exception {
        for (String name : names) {
            Files.writeString(directory.resolve(name), "backup");
        }
        return directory.resolve(names[0]);
    }
}
