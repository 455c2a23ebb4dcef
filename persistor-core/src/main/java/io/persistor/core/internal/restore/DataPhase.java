package io.persistor.core.internal.restore;

import io.persistor.PersistorException;
import io.persistor.ProgressListener;
import io.persistor.model.QualifiedName;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The data phase of a restore by several connections, with the index and key builds that can start within it. The
 * calling thread reads on through the script once and hands out the work; each connection loads on a thread of its
 * own and takes the next work when it is free:
 * <ul>
 * <li>from a plain local file, each {@code COPY} block whole: the connection reads the rows from the file itself, so
 * tables load side by side; as soon as a table's rows are in, its indexes and keys ({@link #buildEarly}) are built by
 * the next free connection while the others still load. Once all the blocks are handed out, a connection with
 * nothing left to take splits the block with the most rows left to read at a line between, and loads the second half
 * beside the connection reading the first, so that a large table at the end does not leave the others idle (two
 * connections filling one table gain less than two filling two tables, so nothing is split before);</li>
 * <li>from any other source (compressed, encrypted, streamed), the rows in chunks of whole lines, each to the next
 * free connection, so that all of them load a large table at once; a connection keeps its {@code COPY} open while
 * the rows it takes go to the same table;</li>
 * <li>Persistor's {@code INSERT}s, turned into {@code COPY} rows by the connection that takes them, and other data
 * statements; session settings, run by every connection.</li>
 * </ul>
 * A {@code COPY} in CSV or binary format, whose rows may span lines, or with a header line, which every {@code COPY}
 * that loaded a part of its rows would skip, goes to one connection whole.
 */
final class DataPhase {

    private static final int WAITING_PER_CONNECTION = 8;
    private static final int READ_SIZE = 1 << 18;
    /** The least a connection takes over when it splits a block: below it a second {@code COPY} gains little. */
    private static final long LEAST_SPLIT = 4L << 20;
    private static final Pattern ONE_CONNECTION =
            Pattern.compile("(?is).*\\bFROM\\s+stdin\\b.*\\b(?:csv|binary|header)\\b.*");

    /** What a connection is handed. */
    private sealed interface Work permits Rows, Range, Sql, Build, Split {
    }

    /** Rows for {@code command}, whole lines; {@code line} is where their block (or statement) starts. */
    private record Rows(String command, byte[] bytes, int length, int line) implements Work {
    }

    /**
     * A whole {@code COPY} block, whose rows the connection reads from the file; {@code splittable} when each line is
     * a row (text format, no header line), so that two connections may load it in parts.
     */
    private record Range(String command, QualifiedName table, ScannedRows rows, int line, boolean splittable)
            implements Work {
    }

    /** A suggestion to split the rows {@code piece} has left near {@code middle}. */
    private record Split(Piece piece, long middle) implements Work {
    }

    /**
     * The part of a block one connection reads: from where it began up to {@code stop}; guarded by the phase.
     * {@code next} is the first byte its connection has not claimed yet; {@code stop} is the block's end until the
     * block is split.
     */
    private static final class Piece {

        final Range range;
        long next;
        long stop;

        Piece(Range range, long next, long stop) {
            this.range = range;
            this.next = next;
            this.stop = stop;
        }
    }

    /** A data statement, or a session setting. */
    private record Sql(String sql, int line) implements Work {
    }

    /** An index or key to build once its table's rows are in. */
    private record Build(String sql, QualifiedName table) implements Work {
    }

    private final String source;
    private final ProgressListener progress;
    private final Path file;
    private final List<Future<Long>> loaders = new ArrayList<>();
    // The work, guarded by this: each connection's own, anyone's, and builds whose tables are loaded.
    private final List<Deque<Work>> own = new ArrayList<>();
    private final Deque<Work> shared = new ArrayDeque<>();
    private final Deque<Work> ready = new ArrayDeque<>();
    /** Per table, the blocks handed out whole and not loaded yet. */
    private final Map<QualifiedName, Integer> loading = new HashMap<>();
    /** Per table, the builds waiting for its rows. */
    private final Map<QualifiedName, List<Build>> waiting = new HashMap<>();
    /** Tables with rows in chunks or statements, loaded only when the whole phase is. */
    private final Set<QualifiedName> spread = new HashSet<>();
    /** The parts of blocks being read from the file. */
    private final List<Piece> reading = new ArrayList<>();
    /** Whether the whole data section has been read: only then is a block split, when there is nothing else left. */
    private boolean readAll;
    private boolean handedAll;
    private Exception failure;
    private long statements;
    private long rows;

    /**
     * Starts one loader per connection; each first runs {@code settings}, the session settings of the definitions.
     *
     * @param file the script as a plain local file to read rows from, or {@code null} to hand them out in chunks
     */
    DataPhase(ExecutorService threads, List<Connection> connections, List<String> settings, Path file, String source,
              ProgressListener progress) {
        this.source = source;
        this.progress = progress;
        this.file = file;
        for (Connection connection : connections) {
            int index = own.size();
            own.add(new ArrayDeque<>());
            loaders.add(threads.submit(() -> load(index, connection, settings)));
        }
    }

    long statements() {
        return statements;
    }

    long rows() {
        return rows;
    }

    /**
     * Reads the data section and hands it out.
     *
     * @param first  the first item of the data section
     * @param script the rest of the script
     * @param base   statements run before, for progress
     * @return the first item after the data section
     */
    ParsedScript.Item read(ParsedScript.Item first, ParsedScript script, long base) throws IOException {
        ParsedScript.Item item = first;
        for (; !(item instanceof ParsedScript.End); item = script.next()) {
            if (item instanceof ParsedScript.Meta meta) {
                ScriptRunner.passOver(meta, source);
                continue;
            }
            if (item instanceof ParsedScript.CopyStart copy) {
                ScriptObject object = StatementClassifier.classify(copy.sql());
                if (!isData(object)) {
                    break;
                }
                copy(copy, object.name(), script);
            } else if (item instanceof ParsedScript.Statement statement) {
                if (ScriptRunner.setsClientEncoding(statement, source)) {
                    continue;
                }
                ScriptObject object = StatementClassifier.classify(statement.sql());
                if (object == null && !StatementClassifier.isTransactionControl(statement.sql())) {
                    for (Deque<Work> queue : own) {
                        hand(new Sql(statement.sql(), statement.line()), queue);
                    }
                } else if (isData(object)) {
                    markSpread(object.name());
                    hand(new Sql(statement.sql(), statement.line()), shared);
                } else {
                    break;
                }
            } else {
                break;
            }
            statements++;
            progress.restored(base + statements, script.bytesRead());
        }
        synchronized (this) {
            readAll = true;
            notifyAll();
        }
        return item;
    }

    private void copy(ParsedScript.CopyStart copy, QualifiedName table, ParsedScript script) throws IOException {
        boolean oneConnection = ONE_CONNECTION.matcher(copy.sql()).matches();
        if (copy.rows() != null) {
            synchronized (this) {
                loading.merge(table, 1, Integer::sum);
            }
            hand(new Range(copy.sql(), table, copy.rows(), copy.line(), !oneConnection), shared);
        }
        Deque<Work> queue = oneConnection ? leastBusy() : shared;
        ParsedScript.Item item = script.next();
        if (item instanceof ParsedScript.Chunk) {
            markSpread(table);
        }
        for (; item instanceof ParsedScript.Chunk chunk; item = script.next()) {
            hand(new Rows(copy.sql(), chunk.bytes(), chunk.bytes().length, copy.line()), queue);
        }
    }

    /**
     * Takes out of {@code postData} the indexes and keys (but foreign keys) of the tables loaded whole, to be built
     * by the next free connection as soon as their table's rows are in.
     */
    void buildEarly(List<String> postData) {
        synchronized (this) {
            for (Iterator<String> statements = postData.iterator(); statements.hasNext(); ) {
                String sql = statements.next();
                ScriptObject object = StatementClassifier.classify(sql);
                boolean build = object != null && (object.kind().equals("INDEX") || object.kind().equals("CONSTRAINT"));
                if (!build || object.table() == null || !loading.containsKey(object.table())
                        || spread.contains(object.table())) {
                    continue;
                }
                statements.remove();
                this.statements++;
                Build work = new Build(sql, object.table());
                if (loading.get(object.table()) == 0) {
                    ready.add(work);
                } else {
                    waiting.computeIfAbsent(object.table(), table -> new ArrayList<>()).add(work);
                }
            }
            notifyAll();
        }
    }

    /** Waits until every connection has done what it was handed, then rethrows the first failure. */
    void finish() {
        synchronized (this) {
            handedAll = true;
            notifyAll();
        }
        for (Future<Long> loader : loaders) {
            try {
                rows += loader.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PersistorException("Interrupted while restoring", null, e);
            } catch (ExecutionException e) {
                fail(e.getCause() instanceof Exception cause ? cause : e);
            }
        }
        rethrowFailure();
    }

    /** Whether a statement is of the data section: a table's rows or a sequence's value. */
    static boolean isData(ScriptObject object) {
        return object != null && (object.kind().equals("TABLE DATA") || object.kind().equals("SEQUENCE SET"));
    }

    private synchronized void markSpread(QualifiedName table) {
        spread.add(table);
    }

    /** Hands work to a queue; rows and statements wait while it is full. Stops when a connection has failed. */
    private synchronized void hand(Work work, Deque<Work> queue) throws IOException {
        int limit = WAITING_PER_CONNECTION * (queue == shared ? own.size() : 1);
        try {
            while (failure == null && !(work instanceof Range) && queue.size() >= limit) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while restoring");
        }
        rethrowFailure();
        queue.add(work);
        notifyAll();
    }

    private synchronized Deque<Work> leastBusy() {
        Deque<Work> least = own.get(0);
        for (Deque<Work> queue : own) {
            if (queue.size() < least.size()) {
                least = queue;
            }
        }
        return least;
    }

    /** The next work for connection {@code index}, or {@code null} when there is none left or one has failed. */
    private synchronized Work take(int index) throws InterruptedException {
        while (failure == null) {
            Work work = own.get(index).poll();
            if (work == null) {
                work = ready.poll();
            }
            if (work == null) {
                work = shared.poll();
            }
            if (work == null && readAll) {
                work = toSplit();
            }
            if (work != null) {
                notifyAll();
                return work;
            }
            if (handedAll && waiting.isEmpty()) {
                return null;
            }
            wait();
        }
        return null;
    }

    /** Which piece to split, and near where: the one with the most rows left, if they are worth a second connection. */
    private Split toSplit() {
        Piece largest = null;
        long most = 0;
        for (Piece piece : reading) {
            long end = piece.range.rows().endIfFound();
            long left = Math.min(end, piece.stop) - piece.next;
            if (piece.range.splittable() && end >= 0 && left > most) {
                largest = piece;
                most = left;
            }
        }
        return most >= 2 * LEAST_SPLIT ? new Split(largest, largest.next + most / 2) : null;
    }

    /**
     * Splits {@code piece} at {@code cut}, the start of a line, unless its connection has claimed the rows there.
     *
     * @return the second part, for the calling connection to read, or {@code null}
     */
    private synchronized Piece split(Piece piece, long cut) {
        long end = piece.range.rows().endIfFound();
        if (failure != null || !reading.contains(piece) || cut <= piece.next || cut >= Math.min(end, piece.stop)) {
            return null;
        }
        Piece second = new Piece(piece.range, cut, Math.min(end, piece.stop));
        piece.stop = cut;
        reading.add(second);
        loading.merge(piece.range.table(), 1, Integer::sum);
        return second;
    }

    /** Starts reading a whole block. */
    private Piece reading(Range range) throws InterruptedException, IOException {
        Piece piece = new Piece(range, range.rows().start(), Long.MAX_VALUE);
        synchronized (this) {
            reading.add(piece);
        }
        return piece;
    }

    /**
     * Claims the next bytes of {@code piece} for its connection to read, up to {@code readable}.
     *
     * @return where they end, or {@code from} when the piece is read
     */
    private synchronized long claim(Piece piece, long from, long readable) {
        long to = Math.min(Math.min(readable, piece.stop), from + READ_SIZE);
        piece.next = Math.max(from, to);
        return piece.next;
    }

    /** Counts a piece as read. */
    private synchronized void finishedReading(Piece piece) {
        reading.remove(piece);
    }

    /** Counts a block of {@code table} as loaded; when it was its last, its builds are ready. */
    private synchronized void loaded(QualifiedName table) {
        int left = loading.merge(table, -1, Integer::sum);
        List<Build> builds = left == 0 ? waiting.remove(table) : null;
        if (builds != null) {
            ready.addAll(builds);
        }
        notifyAll();
    }

    private synchronized void fail(Exception e) {
        if (failure == null) {
            failure = e;
        }
        notifyAll();
    }

    private synchronized void rethrowFailure() {
        if (failure != null) {
            throw failure instanceof RuntimeException runtime ? runtime
                    : new PersistorException(failure.getMessage(), null, failure);
        }
    }

    /** One connection's loader: runs what it is handed until there is no more; returns the rows it loaded. */
    private long load(int index, Connection connection, List<String> settings) throws Exception {
        Rows open = null;
        CopyIn copy = null;
        long loaded = 0;
        try (RangeReader ranges = new RangeReader()) {
            for (String setting : settings) {
                execute(connection, setting, 0);
            }
            Work work;
            while ((work = take(index)) != null) {
                if (work instanceof Sql sql) {
                    InsertAsCopy.Copy converted = InsertAsCopy.convert(sql.sql());
                    if (converted != null) {
                        work = new Rows(converted.command(), converted.rows(), converted.rows().length, sql.line());
                    }
                }
                if (copy != null && !(work instanceof Rows rows && rows.command().equals(open.command()))) {
                    loaded += end(copy, open.command(), open.line());
                    copy = null;
                }
                if (work instanceof Rows rows) {
                    if (copy == null) {
                        open = rows;
                        copy = copyIn(connection, rows.command(), rows.line());
                    }
                    write(copy, rows.bytes(), rows.length(), rows.command(), rows.line());
                } else if (work instanceof Range range) {
                    loaded += ranges.load(connection, reading(range));
                    loaded(range.table());
                } else if (work instanceof Split split) {
                    Piece second = split(split.piece(), ranges.lineAfter(split.middle(), split.piece()));
                    if (second != null) {
                        loaded += ranges.load(connection, second);
                        loaded(second.range.table());
                    }
                } else if (work instanceof Sql sql) {
                    loaded += execute(connection, sql.sql(), sql.line());
                } else {
                    execute(connection, ((Build) work).sql(), 0);
                }
            }
            if (copy != null) {
                loaded += end(copy, open.command(), open.line());
                copy = null;
            }
            return loaded;
        } catch (Exception e) {
            fail(e);
            throw e;
        } finally {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** Reads the rows of {@code COPY} blocks from the file, through one channel and buffer per connection. */
    private final class RangeReader implements AutoCloseable {

        private FileChannel channel;
        private ByteBuffer buffer;

        /** Loads the rows of a piece of a block, and counts it as read. */
        long load(Connection connection, Piece piece) throws IOException, InterruptedException {
            Range range = piece.range;
            CopyIn copy = copyIn(connection, range.command(), range.line());
            try {
                long at = piece.next;
                for (long limit; (limit = claim(piece, at, range.rows().readableFrom(at))) > at; ) {
                    at += read(at, limit, range);
                    write(copy, buffer.array(), buffer.position(), range.command(), range.line());
                }
                return end(copy, range.command(), range.line());
            } finally {
                finishedReading(piece);
                if (copy.isActive()) {
                    cancel(copy);
                }
            }
        }

        /** Where the first line that starts after {@code middle} in {@code piece} starts, or {@code -1}. */
        long lineAfter(long middle, Piece piece) throws IOException {
            for (long at = middle; at < piece.range.rows().endIfFound(); ) {
                int read = read(at, piece.range.rows().endIfFound(), piece.range);
                for (int i = 0; i < read; i++) {
                    if (buffer.get(i) == '\n') {
                        return at + i + 1;
                    }
                }
                at += read;
            }
            return -1;
        }

        /** Reads into the buffer from {@code at}, up to {@code limit} or as much as it holds. */
        private int read(long at, long limit, Range range) throws IOException {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.READ);
                buffer = ByteBuffer.allocate(READ_SIZE);
            }
            buffer.clear().limit((int) Math.min(READ_SIZE, limit - at));
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException(file + " is shorter than when it was read (line " + range.line() + ")");
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
            }
        }
    }

    private CopyIn copyIn(Connection connection, String command, int line) {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(command);
        } catch (SQLException e) {
            throw failed(e, command, line);
        }
    }

    private void write(CopyIn copy, byte[] bytes, int length, String command, int line) {
        try {
            copy.writeToCopy(bytes, 0, length);
        } catch (SQLException e) {
            throw failed(e, command, line);
        }
    }

    private long end(CopyIn copy, String command, int line) {
        try {
            return copy.endCopy();
        } catch (SQLException e) {
            throw failed(e, command, line);
        }
    }

    private static void cancel(CopyIn copy) {
        try {
            copy.cancelCopy();
        } catch (SQLException ignored) {
            // The failure that led here is the one to report.
        }
    }

    /** Runs a statement; returns the rows an {@code INSERT} added. */
    private long execute(Connection connection, String sql, int line) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            int updated = statement.getUpdateCount();
            return updated > 0 && sql.regionMatches(true, 0, "INSERT", 0, 6) ? updated : 0;
        } catch (SQLException e) {
            throw failed(e, sql, line);
        }
    }

    private PersistorException failed(SQLException e, String sql, int line) {
        return new PersistorException(source + (line > 0 ? ", line " + line : "") + ": " + e.getMessage()
                + "\n  in: " + ScriptRunner.excerpt(sql), e.getSQLState(), e);
    }
}
