package io.persistor.core.internal.backup;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdOutputStream;
import io.persistor.BackupResult;
import io.persistor.PersistorException;
import io.persistor.core.internal.catalog.CatalogReaders;
import io.persistor.core.internal.crypto.OpenPgpEncryption;
import io.persistor.core.internal.script.CountingOutputStream;
import io.persistor.core.internal.script.RestoreNeed;
import io.persistor.core.internal.script.ScriptWriter;
import io.persistor.core.internal.sink.HandoffOutputStream;
import io.persistor.core.internal.sink.NonClosingOutputStream;
import io.persistor.model.Catalog;
import io.persistor.model.QualifiedName;
import io.persistor.spi.BackupPlan;
import io.persistor.spi.CatalogReader;
import io.persistor.spi.OutputSink;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one backup: sink, snapshot, catalog, selection, script, commit; on any failure the sink is aborted. The
 * script is handed to a writing thread ({@link HandoffOutputStream}), which also compresses it when asked to.
 */
public final class BackupJob {

    private static final Logger LOG = LoggerFactory.getLogger(BackupJob.class);
    private static final int BUFFER = 1 << 16;

    private final BackupPlan plan;
    private final OutputSink sink;

    /**
     * Prepares a backup.
     *
     * @param plan what to back up
     * @param sink where the script goes
     */
    public BackupJob(BackupPlan plan, OutputSink sink) {
        this.plan = plan;
        this.sink = sink;
    }

    /**
     * Runs it.
     *
     * @return what was written
     * @throws PersistorException when anything fails; the sink has been aborted then
     */
    public BackupResult run() {
        long started = System.nanoTime();
        boolean committed = false;
        HandoffOutputStream handoff = null;
        try {
            CountingOutputStream written = new CountingOutputStream(sink.open());
            OutputStream encrypted = plan.encryption() == null ? written
                    : OpenPgpEncryption.encrypting(written, plan.encryption(), describeSink());
            // Each layer ends its output by closing, over a layer that stays open for the one above it.
            OutputStream encoded = compressed(new NonClosingOutputStream(encrypted));
            handoff = new HandoffOutputStream(encoded);
            try (SnapshotSession session = SnapshotSession.open(plan.dataSource(), plan.rowSecurity())) {
                Connection connection = session.connection();
                ServerInfo server = ServerInfo.of(connection);
                CatalogReader reader = CatalogReaders.forServer(server.version(), server.versionNum());
                List<String> schemas = (plan.allSchemas() ? server.usableSchemas() : plan.schemas()).stream()
                        .filter(plan.filter()::mayTakeTablesIn).toList();
                server.requireSchemas(schemas);
                // The tables the plan names are locked before the catalog is read, as pg_dump does.
                Set<QualifiedName> locked = plan.schemaOnly() ? Set.of()
                        : ReadAccess.lockEarly(connection, schemas, BackupSelection.takenByName(plan));
                Catalog catalog = reader.read(connection, schemas);
                BackupSelection selection = BackupSelection.of(catalog, plan);
                List<String> notes = new ArrayList<>(selection.notes());
                if (plan.allSchemas()) {
                    server.unusableSchemas().forEach(schema -> notes.add("Not backed up: schema " + schema
                            + ": the role lacks USAGE on it."));
                }
                if (!plan.schemaOnly()) {
                    notes.addAll(ReadAccess.check(connection, selection.catalog(), plan.rowSecurity()));
                    ReadAccess.lock(connection, selection.catalog(), locked);
                }
                LargeObjectSection largeObjects = LargeObjectSection.prepare(connection, plan.largeObjects(), notes);
                List<RestoreNeed> needs = plan.dataOnly() ? List.of()
                        : RestoreNeeds.of(connection, selection.catalog());
                ScriptWriter writer = ScriptWriter.digesting(handoff);
                BackupScript script = new BackupScript(selection.catalog(), notes, needs, plan, largeObjects, writer);
                needs.forEach(need -> notes.add(need.note()));
                script.write(session, server.tableSizes(schemas), server.sliceable());
                handoff.close();
                encoded.close(); // ends the compression
                if (encrypted != written) {
                    encrypted.close(); // ends the message
                }
                written.flush();
                sink.commit();
                committed = true;
                Duration duration = Duration.ofNanos(System.nanoTime() - started);
                LOG.info("Backed up {} tables, {} rows, {} bytes in {} ms", script.tables(), script.rows(),
                        written.count(), duration.toMillis());
                return new BackupResult(sink.file(), script.tables(), script.rows(), written.count(), duration, notes);
            }
        } catch (SQLException e) {
            throw new PersistorException("Backup failed: " + e.getMessage(), e.getSQLState(), e);
        } catch (IOException e) {
            throw new PersistorException("Backup failed writing " + describeSink() + ": " + e, null, e);
        } finally {
            if (!committed) {
                if (handoff != null) {
                    handoff.cancel();
                }
                sink.abort();
            }
        }
    }

    private OutputStream compressed(OutputStream out) throws IOException {
        int level = plan.compressionLevel();
        return switch (plan.compression()) {
            case NONE -> out;
            case GZIP -> new GZIPOutputStream(out, BUFFER) {
                {
                    def.setLevel(level == 0 ? Deflater.BEST_SPEED : level);
                }
            };
            case ZSTD -> new ZstdOutputStream(out, level == 0 ? Zstd.defaultCompressionLevel() : level);
        };
    }

    private String describeSink() {
        return sink.file() != null ? sink.file().toString() : "the output";
    }
}
