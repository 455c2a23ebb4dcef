package io.persistor.core.internal.sink;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Collects what is written in blocks and hands each full block to a thread of its own, which writes it to the
 * stream underneath: reading rows from the server never waits on the disk, a sink's sync or compression, and they
 * never wait on the server. Memory is bounded by {@link #BLOCKS} blocks of {@link #BLOCK_SIZE} bytes. A failure of
 * the writing thread surfaces at the next write, {@link #flush()} or {@link #close()}; {@link #cancel()} stops the
 * thread without writing what is left. One thread writes to this stream.
 */
public final class HandoffOutputStream extends OutputStream {

    /** The size of one block, 1 MB. */
    static final int BLOCK_SIZE = 1 << 20;

    /** How many blocks exist: at most this many megabytes wait for the writing thread. */
    static final int BLOCKS = 8;

    private static final Block FLUSH = new Block(new byte[0], 0);
    private static final Block END = new Block(new byte[0], 0);

    private final OutputStream out;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BLOCKS);
    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS + 2);
    private final BlockingQueue<Object> flushed = new ArrayBlockingQueue<>(1);
    private final Thread writer;
    private volatile Throwable failure;
    private volatile boolean cancelled;
    private byte[] current;
    private int position;
    private boolean closed;

    /**
     * Starts the writing thread.
     *
     * @param out where the blocks go; written and flushed by the writing thread only, and not closed
     */
    public HandoffOutputStream(OutputStream out) {
        this.out = out;
        for (int i = 0; i < BLOCKS; i++) {
            free.add(new byte[BLOCK_SIZE]);
        }
        writer = new Thread(this::writeBlocks, "persistor-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void write(int b) throws IOException {
        if (current == null || position == current.length || closed) {
            next();
        }
        current[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("The backup's output is closed");
        }
        while (len > 0) {
            if (current == null || position == current.length) {
                next();
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(b, off, current, position, n);
            position += n;
            off += n;
            len -= n;
        }
    }

    /** Waits until everything written so far has been written and flushed by the stream underneath. */
    @Override
    public void flush() throws IOException {
        handOff();
        put(FLUSH);
        try {
            flushed.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while the backup's output was being flushed");
        }
        rethrow();
    }

    /** Flushes and stops the writing thread; the stream underneath stays open. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        flush();
        closed = true;
        put(END);
        join();
    }

    /**
     * Stops the writing thread without writing what waits, for a backup that failed; waits up to ten seconds for a
     * write in progress to give up. Does not throw.
     */
    public void cancel() {
        closed = true;
        cancelled = true;
        writer.interrupt();
        full.offer(END);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void next() throws IOException {
        handOff();
        rethrow();
        try {
            current = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("The backup's thread was interrupted");
        }
        position = 0;
    }

    private void handOff() throws IOException {
        if (closed) {
            throw new IOException("The backup's output is closed");
        }
        if (current != null && position > 0) {
            put(new Block(current, position));
            current = null;
        }
    }

    private void put(Block block) throws IOException {
        try {
            full.put(block);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("The backup's thread was interrupted");
        }
    }

    private void rethrow() throws IOException {
        Throwable cause = failure;
        if (cause instanceof IOException) {
            throw new IOException(cause.getMessage(), cause);
        }
        if (cause != null) {
            throw new IOException("Writing the backup failed: " + cause, cause);
        }
    }

    private void join() {
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The writing thread: writes blocks in order; after a failure it only recycles them, so writers never block. */
    private void writeBlocks() {
        try {
            while (true) {
                Block block = full.take();
                if (block == END || cancelled) {
                    return;
                }
                try {
                    if (failure == null) {
                        if (block == FLUSH) {
                            out.flush();
                        } else {
                            out.write(block.bytes(), 0, block.length());
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    failure = e;
                }
                if (block == FLUSH) {
                    flushed.put(block);
                } else {
                    free.put(block.bytes());
                }
            }
        } catch (InterruptedException e) {
            // cancel(): the backup failed, and what waits is thrown away.
            Thread.currentThread().interrupt();
        }
    }

    /** A block of bytes to write: the first {@code length} of {@code bytes}. */
    private record Block(byte[] bytes, int length) {
    }
}
