package io.persistor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 5, 12, 0);

    @TempDir
    Path directory;

    @Test
    void byAgeKeepsTheBackupsYoungerThanTheDaysGiven() throws Exception {
        Path fresh = backups("shop-20261205-120000.sql", "shop-20261204-120000.sql.gz", "shop-20261203-110000.sql",
                "shop-20261201-000000.sql.zst.gpg");

        List<Path> deleted = new Retention(0, 2).prune(directory, "shop", fresh, NOW);

        assertThat(deleted).extracting(p -> p.getFileName().toString())
                .containsExactly("shop-20261201-000000.sql.zst.gpg", "shop-20261203-110000.sql");
        assertThat(Files.exists(directory.resolve("shop-20261204-120000.sql.gz"))).isTrue();
    }

    @Test
    void withCountAndAgeABackupEitherKeepsStays() throws Exception {
        Path fresh = backups("shop-20261205-120000.sql", "shop-20261205-110000.sql", "shop-20261205-100000.sql",
                "shop-20261101-000000.sql");

        List<Path> deleted = new Retention(2, 1).prune(directory, "shop", fresh, NOW);

        assertThat(deleted).extracting(p -> p.getFileName().toString()).containsExactly("shop-20261101-000000.sql");
    }

    /** Creates the files; returns the first, the fresh backup. */
    private Path backups(String... names) throws Exception {
        for (String name : names) {
            Files.writeString(directory.resolve(name), "backup");
        }
        return directory.resolve(names[0]);
    }
}
