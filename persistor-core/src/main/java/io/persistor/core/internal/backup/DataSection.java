package io.persistor.core.internal.backup;

import io.persistor.ProgressListener;
import io.persistor.core.internal.data.TableData;
import io.persistor.core.internal.script.CountingOutputStream;
import io.persistor.core.internal.script.ScriptWriter;
import io.persistor.model.Table;
import io.persistor.spi.BackupPlan;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The data section: each table's rows in creation order. With {@code parallelism(n)}, n connections that joined
 * the backup's snapshot read tables ahead into temporary files, which are appended in order, so the script is the
 * same as a single connection would write.
 */
final class DataSection {

    private final BackupPlan plan;
    private final TableData data;
    private final ScriptWriter out;
    private final SnapshotSession session;
    private final Map<String, Long> estimates;
    private long rows;

    DataSection(BackupPlan plan, TableData data, ScriptWriter out, SnapshotSession session, Map<String, Long> estimates) {
        this.plan = plan;
        this.data = data;
        this.out = out;
        this.session = session;
        this.estimates = estimates;
    }

    /** Writes the rows of these tables (partitioned tables hold none); returns the number of rows. */
    long write(List<Table> tables) throws IOException, SQLException {
        List<Table> filled = tables.stream().filter(t -> !t.partitioned()).toList();
        if (plan.parallelism() > 1 && filled.size() > 1) {
            writeInParallel(filled);
        } else {
            for (Table table : filled) {
                out.comment("Data for " + table.name());
                rows += read(session, table, out.raw());
                out.blankLine();
            }
        }
        return rows;
    }

    private long read(SnapshotSession reader, Table table, OutputStream target) throws IOException, SQLException {
        ProgressListener progress = plan.progress();
        String name = table.name().toString();
        progress.tableStarted(name, estimates.getOrDefault(name, -1L));
        CountingOutputStream counted = new CountingOutputStream(target);
        long count;
        try {
            count = data.write(reader.connection(), table, counted);
        } catch (SQLException e) {
            throw new TableReadException(table, e);
        }
        progress.tableFinished(name, count, counted.count());
        return count;
    }

    private void writeInParallel(List<Table> tables) throws IOException, SQLException {
        String snapshot = session.exportSnapshot();
        int workers = Math.min(plan.parallelism(), tables.size());
        BlockingQueue<SnapshotSession> readers = new ArrayBlockingQueue<>(workers);
        ExecutorService executor = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "persistor-reader");
            thread.setDaemon(true);
            return thread;
        });
        List<SnapshotSession> sessions = new ArrayList<>();
        List<Future<Part>> parts = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                sessions.add(SnapshotSession.join(plan.dataSource(), plan.rowSecurity(), snapshot));
            }
            readers.addAll(sessions);
            for (Table table : tables) {
                parts.add(executor.submit(() -> readAhead(readers, table)));
            }
            for (int i = 0; i < tables.size(); i++) {
                Part part = await(parts.get(i));
                out.comment("Data for " + tables.get(i).name());
                Files.copy(part.file(), out.raw());
                Files.delete(part.file());
                rows += part.rows();
                out.blankLine();
            }
        } finally {
            stop(executor, sessions, parts);
        }
    }

    /** After success a no-op; after a failure, cancels the reads still running and removes their files. */
    private static void stop(ExecutorService executor, List<SnapshotSession> sessions, List<Future<Part>> parts)
            throws SQLException {
        executor.shutdownNow();
        if (parts.stream().anyMatch(part -> !part.isDone())) {
            for (SnapshotSession reader : sessions) {
                reader.cancel();
            }
        }
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Future<Part> part : parts) {
            discard(part);
        }
        for (SnapshotSession reader : sessions) {
            reader.close();
        }
    }

    private Part readAhead(BlockingQueue<SnapshotSession> readers, Table table) throws Exception {
        SnapshotSession reader = readers.take();
        Path file = Files.createTempFile("persistor-", ".rows");
        try (OutputStream target = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            return new Part(file, read(reader, table, target));
        } catch (Exception e) {
            Files.deleteIfExists(file);
            throw e;
        } finally {
            readers.add(reader);
        }
    }

    private static Part await(Future<Part> part) throws IOException, SQLException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for a table's rows", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException) {
                throw (SQLException) cause;
            }
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            throw new IOException(cause.getMessage(), cause);
        }
    }

    private static void discard(Future<Part> part) {
        if (part.isDone() && !part.isCancelled()) {
            try {
                Files.deleteIfExists(part.get().file());
            } catch (Exception e) {
                // The part failed, so it left no file, or it was appended and deleted already.
                return;
            }
        }
    }

    /** One table's rows, read ahead into a temporary file. */
    private record Part(Path file, long rows) {
    }
}
