package io.persistor.core.internal.restore;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Parses a script ahead of its execution, on two threads of its own: one reads and splits the file, the next turns
 * Persistor's {@code INSERT}s into {@code COPY} rows, so both overlap with each other and with the server's work.
 * The queues are short and {@code COPY} data travels in chunks of whole lines, as many as one 64 kB read of the file
 * holds, so memory stays small whatever the file's size.
 */
final class ParsedScript implements AutoCloseable {

    private static final int AHEAD = 16;

    /** What the parser hands over, in the script's order. */
    sealed interface Item permits Statement, Meta, CopyStart, Chunk, CopyEnd, AsCopy, Failed, End {
    }

    /** A statement to run as it is. */
    record Statement(String sql, int line) implements Item {
    }

    /** A psql meta-command line. */
    record Meta(String command, int line) implements Item {
    }

    /**
     * A {@code COPY ... FROM stdin} statement; its rows follow as {@link Chunk}s up to a {@link CopyEnd}, or, when
     * the script hands out no chunks, are where {@code rows} says in the file.
     */
    record CopyStart(String sql, int line, ScannedRows rows) implements Item {
    }

    /** Whole lines of the current {@code COPY} block, as the script has them, and how many they are. */
    record Chunk(byte[] bytes, int lines) implements Item {
    }

    /** The end of the current {@code COPY} block. */
    record CopyEnd() implements Item {
    }

    /** One of Persistor's {@code INSERT}s, to run as the equivalent {@code COPY}. */
    record AsCopy(InsertAsCopy.Copy copy, String sql, int line) implements Item {
    }

    /** Reading the script failed. */
    record Failed(IOException failure) implements Item {
    }

    /** The end of the script. */
    record End() implements Item {
    }

    private final ScriptParser parser;
    private final BlockingQueue<Item> parsed = new ArrayBlockingQueue<>(AHEAD);
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread parserThread;
    private final Thread converterThread;
    private final boolean convertAhead;
    private final boolean chunks;
    private volatile boolean closed;

    ParsedScript(InputStream script) {
        this(script, true, true);
    }

    /**
     * @param script       the script's bytes
     * @param convertAhead whether Persistor's {@code INSERT}s are turned into {@code COPY} rows ahead, on a thread
     *                     of their own; without, they come as statements, for a reader that runs few of them to
     *                     convert those it runs ({@link InsertAsCopy#convert})
     * @param chunks       whether a {@code COPY} block's rows come as {@link Chunk}s; without, only where they are
     *                     in the script ({@link CopyStart#rows}), for readers that read them from the file itself
     */
    ParsedScript(InputStream script, boolean convertAhead, boolean chunks) {
        this.convertAhead = convertAhead;
        this.chunks = chunks;
        this.parser = new ScriptParser(script);
        this.parserThread = start(this::parse, "persistor-script-parser");
        this.converterThread = start(this::convert, "persistor-script-converter");
    }

    private static Thread start(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** @return whether Persistor's {@code INSERT}s come converted to {@code COPY} rows */
    boolean convertsAhead() {
        return convertAhead;
    }

    /** The next item; waits for the parser if it is behind. */
    Item next() throws IOException {
        try {
            Item item = queue.take();
            if (item instanceof Failed failed) {
                throw failed.failure();
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the script");
        }
    }

    /** How many bytes of the script have been read, for progress. */
    long bytesRead() {
        return parser.bytesRead();
    }

    private void parse() {
        try {
            ScriptParser.Statement statement;
            while ((statement = parser.next()) != null) {
                if (statement.sql().startsWith("\\")) {
                    put(parsed, new Meta(statement.sql(), statement.line()));
                } else if (statement.isCopyFromStdin()) {
                    ScannedRows rows = chunks ? null : new ScannedRows();
                    put(parsed, new CopyStart(statement.sql(), statement.line(), rows));
                    copyData(rows);
                    put(parsed, new CopyEnd());
                } else {
                    put(parsed, new Statement(statement.sql(), statement.line()));
                }
            }
            put(parsed, new End());
        } catch (IOException e) {
            try {
                put(parsed, new Failed(e));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Passes items on, turning statements that are Persistor's {@code INSERT}s into {@code COPY} rows. */
    private void convert() {
        try {
            while (true) {
                Item item = parsed.take();
                if (convertAhead && item instanceof Statement statement) {
                    InsertAsCopy.Copy copy = InsertAsCopy.convert(statement.sql());
                    item = copy == null ? statement : new AsCopy(copy, statement.sql(), statement.line());
                }
                put(queue, item);
                if (item instanceof End || item instanceof Failed) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void copyData(ScannedRows rows) throws IOException, InterruptedException {
        if (rows != null) {
            try {
                rows.ended(parser.copyData((bytes, offset, length, lines) ->
                        rows.scanned(parser.offsetOf(offset), parser.offsetOf(offset + length))));
            } catch (IOException | RuntimeException e) {
                rows.failed();
                throw e;
            }
            return;
        }
        try {
            parser.copyData((bytes, offset, length, lines) -> {
                try {
                    put(parsed, new Chunk(Arrays.copyOfRange(bytes, offset, offset + length), lines));
                } catch (InterruptedException e) {
                    throw new UncheckedInterrupt(e);
                }
            });
        } catch (UncheckedInterrupt e) {
            throw (InterruptedException) e.getCause();
        }
    }

    private void put(BlockingQueue<Item> target, Item item) throws InterruptedException {
        if (!closed) {
            target.put(item);
        }
    }

    /** Stops both threads, whatever they were doing. */
    @Override
    public void close() {
        closed = true;
        for (Thread thread : new Thread[] {parserThread, converterThread}) {
            thread.interrupt();
        }
        parsed.clear();
        queue.clear();
        try {
            parserThread.join(10_000);
            converterThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Carries an interruption out of the {@code COPY} line callback, which may only throw I/O errors. */
    private static final class UncheckedInterrupt extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedInterrupt(InterruptedException cause) {
            super(cause);
        }
    }
}
