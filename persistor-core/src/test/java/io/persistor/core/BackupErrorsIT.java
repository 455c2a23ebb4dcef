package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.Persistor;
import io.persistor.PersistorException;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Each mistake gets one message that names it, and no file is left behind. */
@ExtendWith(FreshDatabase.class)
class BackupErrorsIT {

    @TempDir
    Path directory;

    @AfterEach
    void nothingIsLeftInTheDirectory() throws Exception {
        try (var files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void namesASchemaThatDoesNotExist(TestDatabase source) {
        DataSource reader = source.selectOnlyDataSource();
        assertThatThrownBy(() -> Persistor.backup(reader).schema("nope").to(directory.resolve("x.sql")))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("schema nope does not exist");
    }

    @Test
    void namesASchemaTheRoleMayNotUse(TestDatabase source) {
        source.execute("CREATE SCHEMA hidden", "CREATE TABLE hidden.t (id int)");
        DataSource reader = source.selectOnlyDataSource();
        source.execute("REVOKE USAGE ON SCHEMA hidden FROM persistor_reader");
        assertThatThrownBy(() -> Persistor.backup(reader).schema("hidden").to(directory.resolve("x.sql")))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("lacks USAGE on schema hidden");
    }

    @Test
    void namesEveryTableThatDoesNotExist(TestDatabase source) {
        source.execute("CREATE TABLE public.present (id int)");
        DataSource reader = source.selectOnlyDataSource();
        assertThatThrownBy(() -> Persistor.backup(reader).tables("present", "absent", "Present")
                .to(directory.resolve("x.sql")))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("absent, Present")
                .hasMessageContaining("case-sensitive");
    }

    @Test
    void namesATableTheRoleMayNotReadAndThePrivilegeBeforeReadingAnything(TestDatabase source) {
        source.execute("CREATE TABLE public.secret (id int)", "INSERT INTO public.secret VALUES (1)");
        DataSource reader = source.selectOnlyDataSource();
        source.execute("REVOKE SELECT ON public.secret FROM persistor_reader");
        assertThatThrownBy(() -> Persistor.backup(reader).to(directory.resolve("x.sql")))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("lacks SELECT on table \"public\".\"secret\"")
                .hasMessageContaining("excludeTables(...)")
                .extracting(e -> ((PersistorException) e).sqlState()).isEqualTo("42501");
    }

    @Test
    void namesAMissingOutputDirectory(TestDatabase source) {
        DataSource reader = source.selectOnlyDataSource();
        Path missing = directory.resolve("no-such-dir").resolve("x.sql");
        assertThatThrownBy(() -> Persistor.backup(reader).to(missing))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("no-such-dir does not exist");
    }
}
