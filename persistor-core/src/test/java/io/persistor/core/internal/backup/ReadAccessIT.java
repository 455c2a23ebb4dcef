package io.persistor.core.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.Compression;
import io.persistor.Format;
import io.persistor.LargeObjects;
import io.persistor.ObjectFilter;
import io.persistor.PersistorException;
import io.persistor.ProgressListener;
import io.persistor.core.internal.catalog.PostgresCatalogReader;
import io.persistor.model.Catalog;
import io.persistor.model.QualifiedName;
import io.persistor.model.Table;
import io.persistor.spi.BackupPlan;
import io.persistor.spi.MaskPlan;
import io.persistor.spi.SubsetPlan;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A backup locks the readable tables its plan takes by name, with the partitions of those, before it reads the
 * catalog. A
 * table emptied or rewritten after the backup's snapshot, before its lock, would look empty to the snapshot: the
 * lock step finds it and fails, while ordinary writes in that window pass.
 */
@ExtendWith(FreshDatabase.class)
class ReadAccessIT {

    @Test
    void aTableTruncatedBetweenTheSnapshotAndTheLockFailsTheBackupByName(TestDatabase database) throws Exception {
        assertThatThrownBy(() -> lockAfter(database, "TRUNCATE public.kept"))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("Table \"public\".\"kept\" was emptied or rewritten")
                .hasMessageContaining("Run the backup again");
    }

    @Test
    void aTableRewrittenByAlterTableFailsTooWhileTheOtherIsNotNamed(TestDatabase database) throws Exception {
        assertThatThrownBy(() -> lockAfter(database, "ALTER TABLE public.kept ALTER COLUMN v TYPE varchar(20)"))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("Table \"public\".\"kept\" was")
                .hasMessageNotContaining("other");
    }

    @Test
    void writesInTheWindowAreNoReasonToFail(TestDatabase database) throws Exception {
        assertThatCode(() -> lockAfter(database, "INSERT INTO public.kept VALUES ('later')",
                "UPDATE public.other SET v = 'changed'", "ANALYZE public.kept")).doesNotThrowAnyException();
    }

    @Test
    void locksTheReadableTablesThePlanTakesByNameBeforeTheCatalogIsRead(TestDatabase database) throws Exception {
        database.execute("CREATE TABLE public.kept (v text)", "CREATE TABLE public.skipped (v text)",
                "CREATE TABLE public.secret (v text)", "CREATE TABLE public.parent (v text) PARTITION BY LIST (v)",
                "CREATE TABLE public.part PARTITION OF public.parent FOR VALUES IN ('a')");
        DataSource reader = database.selectOnlyDataSource();
        database.execute("REVOKE SELECT ON public.secret FROM persistor_reader");
        try (Connection connection = reader.getConnection()) {
            connection.setAutoCommit(false);
            Set<QualifiedName> locked = ReadAccess.lockEarly(connection, List.of("public"),
                    chain -> !chain.get(0).name().equals("skipped"));
            assertThat(locked).extracting(QualifiedName::name).containsExactlyInAnyOrder("kept", "parent", "part");
            assertThat(database.readerLocks()).filteredOn(lock -> lock.startsWith("public."))
                    .containsExactly("public.kept AccessShareLock", "public.parent AccessShareLock",
                            "public.part AccessShareLock");
            connection.rollback();
        }
    }

    @Test
    void locksThePartitionsOfTheTablesThePlanNamesAsItsSelectionWillTakeThem(TestDatabase database) throws Exception {
        database.execute("CREATE SCHEMA extra", "CREATE TABLE public.alone (v text)",
                "CREATE TABLE public.parent (k int, v text) PARTITION BY LIST (k)",
                "CREATE TABLE public.part_a PARTITION OF public.parent FOR VALUES IN (1)",
                "CREATE TABLE extra.part_b PARTITION OF public.parent FOR VALUES IN (2) PARTITION BY LIST (v)",
                "CREATE TABLE public.part_b1 PARTITION OF extra.part_b FOR VALUES IN ('x')",
                "CREATE TABLE public.part_c PARTITION OF public.parent FOR VALUES IN (3) PARTITION BY LIST (v)",
                "CREATE TABLE public.part_c1 PARTITION OF public.part_c FOR VALUES IN ('y')");
        DataSource reader = database.selectOnlyDataSource();
        BackupPlan plan = new BackupPlan(reader, List.of(), false, List.of("parent"), List.of("part_c"), 1, false,
                false, true, Format.INSERTS, 1, Compression.NONE, 0, new ProgressListener() { }, List.of(), false,
                false, LargeObjects.ALL, false, null, SubsetPlan.NONE, MaskPlan.NONE, ObjectFilter.ALL);
        // With extra, the partition under extra.part_b comes too; without it, it has no parent in the backup.
        assertLockedAsSelected(reader, plan, List.of("public", "extra"), "public.parent", "public.part_a",
                "extra.part_b", "public.part_b1");
        assertThat(database.readerLocks()).isEmpty();
        assertLockedAsSelected(reader, plan, List.of("public"), "public.parent", "public.part_a");
    }

    /** Locks early, checks the tables locked against those given and those the selection takes, then rolls back. */
    private static void assertLockedAsSelected(DataSource reader, BackupPlan plan, List<String> schemas,
                                               String... expected) throws SQLException {
        try (Connection connection = reader.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL search_path = ''");
            }
            Set<QualifiedName> locked = ReadAccess.lockEarly(connection, schemas, BackupSelection.takenByName(plan));
            assertThat(locked).extracting(QualifiedName::toString).containsExactlyInAnyOrder(expected);
            Catalog catalog = new PostgresCatalogReader().read(connection, schemas);
            assertThat(BackupSelection.of(catalog, plan).catalog().tables()).extracting(Table::name)
                    .containsExactlyInAnyOrderElementsOf(locked);
            connection.rollback();
        }
    }

    /** Reads the catalog in a snapshot, runs the statements from another session, then locks as a backup does. */
    private static void lockAfter(TestDatabase database, String... concurrent) throws SQLException {
        database.execute("CREATE TABLE public.kept (v text)", "INSERT INTO public.kept VALUES ('a'), ('b')",
                "CREATE TABLE public.other (v text)", "INSERT INTO public.other VALUES ('c')");
        DataSource reader = database.selectOnlyDataSource();
        try (Connection connection = reader.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL search_path = ''");
            }
            Catalog catalog = new PostgresCatalogReader().read(connection, List.of("public"));
            assertThat(catalog.tables()).hasSize(2);
            database.execute(concurrent);
            try {
                ReadAccess.lock(connection, catalog, Set.of());
            } finally {
                connection.rollback();
            }
        }
    }
}
