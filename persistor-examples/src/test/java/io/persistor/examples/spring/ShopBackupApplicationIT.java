package io.persistor.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.Persistor;
import io.persistor.spring.boot.backup.BackupOutcome;
import io.persistor.spring.boot.backup.BackupRecord;
import io.persistor.spring.boot.backup.BackupSchedule;
import io.persistor.spring.boot.backup.PersistorBackups;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

@ExtendWith(FreshDatabase.class)
class ShopBackupApplicationIT {

    @Test
    void theExampleApplicationSchedulesNightlyBackupsAndBacksUpOnDemand(TestDatabase shop, @TempDir Path output) {
        shop.execute("CREATE TABLE public.customer (id serial PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO public.customer (name) VALUES ('Ada'), ('Grace')");
        shop.selectOnlyDataSource();

        try (ConfigurableApplicationContext context = ShopBackupApplication.application().run(
                "--spring.datasource.url=" + shop.server().jdbcUrl(shop.name()),
                "--spring.datasource.username=" + PostgresServer.READER_ROLE,
                "--spring.datasource.password=" + PostgresServer.ROLE_PASSWORD,
                "--persistor.output=" + output, "--spring.main.keep-alive=false")) {
            assertThat(context.getBean(BackupSchedule.class).isRunning()).isTrue();

            BackupRecord record = context.getBean(PersistorBackups.class).backupNow();

            assertThat(record.outcome()).as(record.message()).isEqualTo(BackupOutcome.SUCCEEDED);
            assertThat(Path.of(record.location()).getParent()).isEqualTo(output);
            assertThat(record.location()).startsWith(output.resolve(shop.name() + "-").toString()).endsWith(".sql.zst");
            assertThat(record.rows()).isEqualTo(2);
            assertThat(Persistor.verify(Path.of(record.location())).intact()).isTrue();
        }
    }
}
