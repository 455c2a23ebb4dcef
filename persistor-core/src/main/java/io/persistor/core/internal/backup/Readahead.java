package io.persistor.core.internal.backup;

import io.persistor.core.internal.data.TableData;
import io.persistor.spi.BackupPlan;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Reads parts of the data section ahead of the script. Each part is claimed once: the backup's own session claims
 * the part whose turn it is and streams it straight into the script; reader threads, each with a session that
 * joined the backup's snapshot, claim unclaimed parts at most {@code parallelism} parts ahead and read them into
 * temporary files, which the script appends when their turn comes. The window keeps the own session streaming
 * rather than waiting, and bounds the temporary files. Closing stops the readers and removes every temporary file.
 */
final class Readahead implements PartReader, AutoCloseable {

    private final TableData data;
    private final SnapshotSession session;
    private final List<ReadPart> parts;
    private final AtomicIntegerArray claimed;
    private final List<CompletableFuture<Spooled>> spooled = new ArrayList<>();
    private final List<SnapshotSession> readers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Object turn = new Object();
    private final int window;
    private int current;

    Readahead(BackupPlan plan, TableData data, SnapshotSession session, List<ReadPart> parts) throws SQLException {
        this.data = data;
        this.session = session;
        this.parts = parts;
        this.claimed = new AtomicIntegerArray(parts.size());
        this.window = plan.parallelism();
        parts.forEach(part -> spooled.add(new CompletableFuture<>()));
        String snapshot = session.exportSnapshot();
        try {
            for (int i = 1; i < Math.min(plan.parallelism(), parts.size()); i++) {
                SnapshotSession reader = SnapshotSession.join(plan.dataSource(), plan.rowSecurity(), snapshot);
                readers.add(reader);
                Thread thread = new Thread(() -> readAhead(reader), "persistor-reader-" + i);
                thread.setDaemon(true);
                threads.add(thread);
            }
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
        threads.forEach(Thread::start);
    }

    @Override
    public long read(int index, ReadPart part, OutputStream target) throws IOException, SQLException {
        synchronized (turn) {
            current = index;
            turn.notifyAll();
        }
        if (claimed.compareAndSet(index, 0, 1)) {
            return data.rows(session.connection(), part.table(), part.slice(), part.outOfLine(), target);
        }
        Spooled done = await(spooled.get(index));
        Files.copy(done.file(), target);
        Files.delete(done.file());
        return done.rows();
    }

    private void readAhead(SnapshotSession reader) {
        // Part 0 is the first the script needs; the own session takes it, so readers start after it.
        for (int i = 1; i < parts.size() && !stopped.get(); i++) {
            if (!awaitWindow(i) || !claimed.compareAndSet(i, 0, 1)) {
                continue;
            }
            ReadPart part = parts.get(i);
            Path file = null;
            try {
                file = Files.createTempFile("persistor-", ".rows");
                try (OutputStream target = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    long rows = data.rows(reader.connection(), part.table(), part.slice(), part.outOfLine(),
                            target);
                    target.flush();
                    spooled.get(i).complete(new Spooled(file, rows));
                }
            } catch (Exception e) {
                delete(file);
                spooled.get(i).completeExceptionally(e);
                return;
            }
        }
    }

    /** Waits until part {@code index} is within the window ahead of the script; false if it has passed. */
    private boolean awaitWindow(int index) {
        synchronized (turn) {
            while (!stopped.get() && index >= current + window) {
                try {
                    turn.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return index > current && !stopped.get();
        }
    }

    private static Spooled await(CompletableFuture<Spooled> part) throws IOException, SQLException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for rows read ahead", e);
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

    /** Stops the readers (cancelling what they run), waits for them, and removes every temporary file. */
    @Override
    public void close() throws SQLException {
        stopped.set(true);
        boolean running = threads.stream().anyMatch(Thread::isAlive);
        SQLException failure = null;
        if (running) {
            for (SnapshotSession reader : readers) {
                try {
                    reader.cancel();
                } catch (SQLException e) {
                    failure = e;
                }
            }
        }
        for (Thread thread : threads) {
            try {
                thread.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (CompletableFuture<Spooled> part : spooled) {
            if (part.isDone() && !part.isCompletedExceptionally()) {
                delete(part.join().file());
            }
        }
        for (SnapshotSession reader : readers) {
            try {
                reader.close();
            } catch (SQLException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A temporary file left in java.io.tmpdir; nothing else depends on it.
                return;
            }
        }
    }

    /** A part read ahead into a temporary file. */
    private record Spooled(Path file, long rows) {
    }
}
