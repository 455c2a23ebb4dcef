package io.persistor.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.BackupResult;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.Psql;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FreshDatabase.class)
class NightlyBackupIT {

    @Test
    void anApplicationBacksUpItsSchemaWithItsOwnDataSource(TestDatabase shop, @TempDir Path directory) {
        shop.execute("CREATE TABLE public.customer (id serial PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO public.customer (name) VALUES ('Ada'), ('Grace')");

        BackupResult result = new NightlyBackup(shop.selectOnlyDataSource(), directory).run(LocalDate.of(2026, 11, 25));

        assertThat(result.file()).isEqualTo(directory.resolve("shop-2026-11-25.sql").toAbsolutePath());
        assertThat(result.rows()).isEqualTo(2);
        TestDatabase restored = shop.server().createOwnedDatabase();
        try {
            Psql.run(restored, result.file());
            Fingerprint.assertSame(shop.fingerprint("public"), restored.fingerprint("public"));
        } finally {
            restored.drop();
        }
    }
}
