package io.persistor.core.internal.backup;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the parts of the data section on several sessions at once and writes them into the script in part order.
 * Each session's thread claims the next part, as long as the parts claimed after the part whose turn it is (the
 * head) are estimated at less than a limit: a thread may always claim the part right after the head. The head's
 * bytes go straight into the script; a part read ahead is held in memory, all of them together within a budget,
 * and when its turn comes while it is still being read, its thread empties what it holds into the script and goes
 * on straight into it. A part read ahead that finds the budget spent waits for its turn, its session's query paused
 * meanwhile: with a small heap fewer parts are in flight, and nothing is ever written to disk but the script. The
 * script is the same, byte for byte, whatever the timing. A failure of one part cancels the others.
 */
final class ParallelReads {

    /** Writes one part into a stream: its rows, and whatever opens or closes its table. */
    @FunctionalInterface
    interface PartWriter {

        Written write(Connection connection, int index, OutputStream target) throws IOException, SQLException;
    }

    /**
     * What a part wrote.
     *
     * @param rows  its rows
     * @param bytes the bytes its rows took
     */
    record Written(long rows, long bytes) {
    }

    /** A session that reads parts: its connection, and a way to cancel what it runs from another thread. */
    interface Reader {

        Connection connection();

        void cancel() throws SQLException;
    }

    /** Told, in part order and one call at a time, that a part is in the script. */
    @FunctionalInterface
    interface Published {

        void published(int index, Written written);
    }

    private static final int BLOCK_SIZE = 1 << 18;

    private final int parts;
    private final long[] sizes;
    private final long limit;
    private final PartWriter writer;
    private final Published published;
    private final OutputStream script;
    private final long memory;
    private final AtomicLong held = new AtomicLong();
    private final Object lock = new Object();
    private final List<Part> outputs = new ArrayList<>();
    private List<? extends Reader> sessions = List.of();
    private volatile int head;
    private int nextPart;
    private long claimedAhead;
    private Throwable failure;

    /**
     * @param sizes     each part's estimated size in bytes
     * @param limit     how many estimated bytes may be claimed after the head: bounds what waits for its turn
     * @param memory    how many bytes the parts read ahead may hold in memory, all together
     * @param writer    what writes a part
     * @param published told when each part is in the script
     * @param script    where the parts go, in order
     */
    ParallelReads(long[] sizes, long limit, long memory, PartWriter writer, Published published,
                  OutputStream script) {
        this.parts = sizes.length;
        this.sizes = sizes.clone();
        this.limit = limit;
        this.writer = writer;
        this.published = published;
        this.script = script;
        this.memory = memory;
        for (int i = 0; i < parts; i++) {
            outputs.add(null);
        }
    }

    /**
     * Reads every part, one thread per session, and returns when all are in the script.
     *
     * @param sessions the sessions, all in the backup's snapshot
     * @return the rows written
     */
    long run(List<? extends Reader> sessions) throws IOException, SQLException {
        this.sessions = sessions;
        List<Thread> threads = new ArrayList<>();
        long[] rows = new long[sessions.size()];
        for (int i = 0; i < sessions.size(); i++) {
            int worker = i;
            Reader session = sessions.get(i);
            Thread thread = new Thread(() -> rows[worker] = work(session.connection()), "persistor-reader-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            fail(new InterruptedIOException("The backup's thread was interrupted"));
            joinQuietly(threads);
            Thread.currentThread().interrupt();
        } finally {
            synchronized (lock) {
                outputs.stream().filter(part -> part != null).forEach(Part::discard);
            }
        }
        synchronized (lock) {
            if (failure == null && head < parts) {
                failure = new IllegalStateException("Part " + head + " of the data section was never written");
            }
        }
        rethrow();
        long total = 0;
        for (long count : rows) {
            total += count;
        }
        return total;
    }

    private long work(Connection connection) {
        long rows = 0;
        try {
            for (int index = claim(); index >= 0; index = claim()) {
                Part part = outputs.get(index);
                Written written = writer.write(connection, index, part);
                part.finish(written);
                rows += written.rows();
            }
        } catch (IOException | SQLException | RuntimeException e) {
            fail(e);
        }
        return rows;
    }

    /** The next part for a thread, once the parts ahead allow it; -1 when none is left or the backup failed. */
    private int claim() throws InterruptedIOException {
        synchronized (lock) {
            while (failure == null && nextPart < parts && nextPart > head + 1 && claimedAhead >= limit) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("A reader of the backup was interrupted");
                }
            }
            if (failure != null || nextPart >= parts) {
                return -1;
            }
            int index = nextPart++;
            if (index > head) {
                claimedAhead += sizes[index];
            }
            outputs.set(index, new Part(index));
            return index;
        }
    }

    /** Keeps the first failure, wakes every waiting thread, and cancels what the sessions run. */
    private void fail(Throwable cause) {
        synchronized (lock) {
            if (failure != null) {
                return;
            }
            failure = cause;
            lock.notifyAll();
        }
        for (Reader session : sessions) {
            try {
                session.cancel();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private void rethrow() throws IOException, SQLException {
        Throwable cause;
        synchronized (lock) {
            cause = failure;
        }
        if (cause == null) {
            return;
        }
        if (cause instanceof SQLException) {
            throw (SQLException) cause;
        }
        if (cause instanceof IOException) {
            throw (IOException) cause;
        }
        if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
        }
        throw new IOException(cause.getMessage(), cause);
    }

    /**
     * Empties the parts that are done, from the head on, into the script, tells of each, and moves the head past
     * them; the caller holds the lock.
     */
    private void advance() throws IOException {
        int next = head;
        while (next < parts && outputs.get(next) != null && outputs.get(next).done) {
            Part part = outputs.get(next);
            part.drain();
            published.published(next, part.written);
            next++;
        }
        for (int passed = head + 1; passed <= next && passed < nextPart; passed++) {
            claimedAhead -= sizes[passed];
        }
        head = next;
        lock.notifyAll();
    }

    private static void joinQuietly(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * One part's output: held in memory while all parts together hold less than {@code memory} bytes, and otherwise
     * waiting for its turn; the script from then on.
     */
    private final class Part extends OutputStream {

        private final int index;
        private final List<byte[]> blocks = new ArrayList<>();
        private int used;
        private long holding;
        private boolean direct;
        private boolean done;
        private Written written;

        Part(int index) {
            this.index = index;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!direct && head != index && !reserve(len)) {
                awaitTurn();
            }
            if (!direct && head == index) {
                drain();
                direct = true;
            }
            if (direct) {
                script.write(b, off, len);
            } else {
                hold(b, off, len);
            }
        }

        /** Whether the parts together may hold {@code len} more bytes; if so, the blocks they need are counted. */
        private boolean reserve(int len) {
            int room = blocks.isEmpty() ? 0 : BLOCK_SIZE - used;
            long needed = len <= room ? 0 : (long) ((len - room + BLOCK_SIZE - 1) / BLOCK_SIZE) * BLOCK_SIZE;
            if (needed == 0) {
                return true;
            }
            if (held.addAndGet(needed) > memory) {
                held.addAndGet(-needed);
                return false;
            }
            holding += needed;
            return true;
        }

        /** Waits until this part's turn has come, or the backup has failed. */
        private void awaitTurn() throws IOException {
            synchronized (lock) {
                while (head != index && failure == null) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("A reader of the backup was interrupted");
                    }
                }
                if (failure != null) {
                    throw new IOException("Stopped: another part of the backup failed", failure);
                }
            }
        }

        private void hold(byte[] b, int off, int len) {
            while (len > 0) {
                if (blocks.isEmpty() || used == BLOCK_SIZE) {
                    blocks.add(new byte[BLOCK_SIZE]);
                    used = 0;
                }
                int n = Math.min(len, BLOCK_SIZE - used);
                System.arraycopy(b, off, blocks.get(blocks.size() - 1), used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        /** The part is written: in the script if its turn has come, or else held until its turn. */
        void finish(Written result) throws IOException {
            synchronized (lock) {
                written = result;
                done = true;
                if (head == index) {
                    advance();
                }
            }
        }

        /** Writes what is held into the script, and frees it. */
        void drain() throws IOException {
            for (int i = 0; i < blocks.size(); i++) {
                script.write(blocks.get(i), 0, i == blocks.size() - 1 ? used : BLOCK_SIZE);
            }
            discard();
        }

        /** Frees what is held. */
        void discard() {
            blocks.clear();
            held.addAndGet(-holding);
            holding = 0;
        }
    }
}
