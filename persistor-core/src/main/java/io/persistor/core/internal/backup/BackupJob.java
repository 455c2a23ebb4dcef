package io.persistor.core.internal.backup;

import io.persistor.BackupResult;
import io.persistor.PersistorException;
import io.persistor.core.internal.catalog.CatalogReaders;
import io.persistor.core.internal.script.ScriptWriter;
import io.persistor.core.internal.sink.AtomicFile;
import io.persistor.model.Catalog;
import io.persistor.spi.BackupPlan;
import io.persistor.spi.CatalogReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one backup: snapshot, catalog, selection, script, publish. */
public final class BackupJob {

    private static final Logger LOG = LoggerFactory.getLogger(BackupJob.class);

    private final BackupPlan plan;
    private final Path file;

    /**
     * Prepares a backup.
     *
     * @param plan what to back up
     * @param file where to publish it
     */
    public BackupJob(BackupPlan plan, Path file) {
        this.plan = plan;
        this.file = file;
    }

    /**
     * Runs it.
     *
     * @return what was written
     * @throws PersistorException when anything fails; no file is left behind then
     */
    public BackupResult run() {
        long started = System.nanoTime();
        checkDirectory();
        try (SnapshotSession session = SnapshotSession.open(plan.dataSource(), plan.rowSecurity());
             AtomicFile output = AtomicFile.create(file)) {
            Connection connection = session.connection();
            ServerInfo server = ServerInfo.of(connection);
            CatalogReader reader = CatalogReaders.forServer(server.version(), server.versionNum());
            List<String> schemas = plan.allSchemas() ? server.usableSchemas() : plan.schemas();
            server.requireSchemas(schemas);
            Catalog catalog = reader.read(connection, schemas);
            BackupSelection selection = BackupSelection.of(catalog, plan);
            List<String> notes = new ArrayList<>(selection.notes());
            notes.addAll(ReadAccess.check(connection, selection.catalog(), plan.rowSecurity()));
            ScriptWriter writer = new ScriptWriter(output.stream());
            BackupScript script = new BackupScript(selection.catalog(), notes, plan, writer);
            script.write(connection);
            writer.flush();
            Path published = output.publish();
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("Backed up {} tables, {} rows, {} bytes to {} in {} ms", script.tables(), script.rows(),
                    writer.bytes(), published, duration.toMillis());
            return new BackupResult(published, script.tables(), script.rows(), writer.bytes(), duration, notes);
        } catch (SQLException e) {
            throw new PersistorException("Backup failed: " + e.getMessage(), e.getSQLState(), e);
        } catch (IOException e) {
            throw new PersistorException("Backup failed writing " + file + ": " + e, null, e);
        }
    }

    private void checkDirectory() {
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            throw new PersistorException("Cannot write the backup to " + file + ": directory " + directory
                    + " does not exist. Create it first.");
        }
        if (!Files.isWritable(directory)) {
            throw new PersistorException("Cannot write the backup to " + file + ": directory " + directory
                    + " is not writable by this process.");
        }
    }
}
