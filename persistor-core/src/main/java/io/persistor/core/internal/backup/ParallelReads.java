package io.persistor.core.internal.backup;

import io.persistor.core.internal.crypto.SpoolCipher;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the parts of the data section on several sessions at once and writes them into the script in part order.
 * Each session's thread claims the next part, as long as the parts claimed after the part whose turn it is (the
 * head) are estimated at less than a limit: a thread may always claim the part right after the head. The head's
 * bytes go straight into the script; a part read ahead is held in memory (a bounded share of the heap) and beyond
 * that in a temporary file, and when its turn comes while it is still being read, its thread empties what it holds
 * into the script and goes on straight into it. So the sessions never wait for each other, and the script is the
 * same, byte for byte, whatever the timing. A failure of one part cancels the others; every temporary file is
 * removed.
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

    private static final int SPOOL_BUFFER = 1 << 18;
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

    private final SpoolCipher cipher;

    /**
     * @param sizes     each part's estimated size in bytes
     * @param limit     how many estimated bytes may be claimed after the head: bounds what waits for its turn
     * @param memory    how many bytes the parts read ahead hold in memory, all together; the rest goes to
     *                  temporary files
     * @param writer    what writes a part
     * @param published told when each part is in the script
     * @param script    where the parts go, in order
     * @param cipher    seals the temporary files (an encrypted backup's), or {@code null}
     */
    ParallelReads(long[] sizes, long limit, long memory, PartWriter writer, Published published,
                  OutputStream script, SpoolCipher cipher) {
        this.cipher = cipher;
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
     * One part's output: held in memory while all parts together hold less than {@code memory} bytes, and then in a
     * temporary file, until its turn comes; the script from then on.
     */
    private final class Part extends OutputStream {

        private final int index;
        private final List<byte[]> blocks = new ArrayList<>();
        private int used;
        private long holding;
        private Path file;
        private byte[] iv;
        private OutputStream spool;
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
            if (!direct && head == index) {
                drain();
                direct = true;
            }
            if (direct) {
                script.write(b, off, len);
            } else if (spool == null && reserve(len)) {
                hold(b, off, len);
            } else {
                if (spool == null) {
                    file = Files.createTempFile("persistor-", ".rows");
                    OutputStream raw = Files.newOutputStream(file);
                    iv = cipher == null ? null : cipher.newIv();
                    spool = new BufferedOutputStream(cipher == null ? raw : cipher.sealing(raw, iv), SPOOL_BUFFER);
                }
                spool.write(b, off, len);
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
            if (spool != null) {
                spool.close();
            }
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
            release();
            if (file == null) {
                return;
            }
            spool.close();
            byte[] buffer = new byte[SPOOL_BUFFER];
            try (InputStream in = cipher == null ? Files.newInputStream(file)
                    : cipher.opening(Files.newInputStream(file), iv)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    script.write(buffer, 0, n);
                }
            }
            Files.delete(file);
            file = null;
            spool = null;
        }

        private void release() {
            blocks.clear();
            held.addAndGet(-holding);
            holding = 0;
        }

        /** Removes the temporary file, if one is left. */
        void discard() {
            release();
            try {
                if (spool != null) {
                    spool.close();
                }
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                // A temporary file left in java.io.tmpdir; nothing else depends on it.
                file = null;
            }
        }
    }
}
