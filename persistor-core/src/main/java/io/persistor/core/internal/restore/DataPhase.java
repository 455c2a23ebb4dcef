package io.persistor.core.internal.restore;

import io.persistor.PersistorException;
import io.persistor.ProgressListener;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The data phase of a restore by several connections: the calling thread reads on through the script once and
 * hands the rows to the connections, each loading on a thread of its own. A {@code COPY} block's rows come in
 * chunks of whole lines, each to the connection with the least work waiting, so a large table is loaded by all of
 * them at once; Persistor's {@code INSERT}s are turned into {@code COPY} rows by the connection that takes them; each
 * connection keeps its {@code COPY} open while the rows it takes go to the same table. Session settings run on every
 * connection. A {@code COPY} in CSV or binary format, whose rows may span lines, goes whole to one connection.
 */
final class DataPhase {

    private static final int WAITING_PER_CONNECTION = 8;
    private static final Pattern WHOLE_LINES_ONLY = Pattern.compile("(?is).*\\bFROM\\s+stdin\\b.*\\b(?:csv|binary)\\b.*");

    /** What a connection is handed. */
    private sealed interface Work permits Rows, Sql, Done {
    }

    /** Rows for {@code command}, whole lines; {@code line} is where its block (or statement) starts. */
    private record Rows(String command, byte[] bytes, int length, int line) implements Work {
    }

    /** A data statement to run, or a session setting. */
    private record Sql(String sql, int line) implements Work {
    }

    /** The end of the data. */
    private record Done() implements Work {
    }

    private final String source;
    private final ProgressListener progress;
    private final List<BlockingQueue<Work>> queues = new ArrayList<>();
    private final List<Future<Long>> loaders = new ArrayList<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long statements;
    private long rows;

    /**
     * Starts one loader per connection; each first runs {@code settings}, the session settings of the definitions.
     */
    DataPhase(ExecutorService threads, List<Connection> connections, List<String> settings, String source,
              ProgressListener progress) {
        this.source = source;
        this.progress = progress;
        for (Connection connection : connections) {
            BlockingQueue<Work> queue = new ArrayBlockingQueue<>(WAITING_PER_CONNECTION);
            queues.add(queue);
            loaders.add(threads.submit(() -> load(connection, queue, settings)));
        }
    }

    long statements() {
        return statements;
    }

    long rows() {
        return rows;
    }

    /**
     * Reads the data section and waits until every connection has loaded what it was handed.
     *
     * @param first  the first item of the data section
     * @param script the rest of the script
     * @param base   statements run before, for progress
     * @return the first item after the data section
     */
    ParsedScript.Item run(ParsedScript.Item first, ParsedScript script, long base) throws IOException {
        ParsedScript.Item item = first;
        for (; !(item instanceof ParsedScript.End); item = script.next()) {
            if (item instanceof ParsedScript.Meta meta) {
                ScriptRunner.passOver(meta, source);
                continue;
            }
            if (item instanceof ParsedScript.CopyStart copy) {
                if (!isData(StatementClassifier.classify(copy.sql()))) {
                    break;
                }
                BlockingQueue<Work> pinned = WHOLE_LINES_ONLY.matcher(copy.sql()).matches() ? leastBusy() : null;
                while (!((item = script.next()) instanceof ParsedScript.CopyEnd)) {
                    ParsedScript.Chunk chunk = (ParsedScript.Chunk) item;
                    hand(new Rows(copy.sql(), chunk.bytes(), chunk.length(), copy.line()), pinned);
                }
            } else if (item instanceof ParsedScript.Statement statement) {
                if (ScriptRunner.setsClientEncoding(statement, source)) {
                    continue;
                }
                ScriptObject object = StatementClassifier.classify(statement.sql());
                if (object == null && !StatementClassifier.isTransactionControl(statement.sql())) {
                    for (BlockingQueue<Work> queue : queues) {
                        hand(new Sql(statement.sql(), statement.line()), queue);
                    }
                } else if (isData(object)) {
                    hand(new Sql(statement.sql(), statement.line()), null);
                } else {
                    break;
                }
            } else {
                break;
            }
            statements++;
            progress.restored(base + statements, script.bytesRead());
        }
        for (BlockingQueue<Work> queue : queues) {
            hand(new Done(), queue);
        }
        for (Future<Long> loader : loaders) {
            rows += await(loader);
        }
        return item;
    }

    /** Throws what made a connection fail, if one has. */
    private void rethrowFailure() {
        Exception failed = failure.get();
        if (failed != null) {
            throw failed instanceof RuntimeException runtime ? runtime
                    : new PersistorException(failed.getMessage(), null, failed);
        }
    }

    private static boolean isData(ScriptObject object) {
        return object != null && (object.kind().equals("TABLE DATA") || object.kind().equals("SEQUENCE SET"));
    }

    /** Hands work to a connection's queue, or to the least busy one's; stops when a connection has failed. */
    private void hand(Work work, BlockingQueue<Work> queue) throws IOException {
        try {
            while (true) {
                rethrowFailure();
                BlockingQueue<Work> target = queue != null ? queue : leastBusy();
                if (target.offer(work, 50, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while restoring");
        }
    }

    private BlockingQueue<Work> leastBusy() {
        BlockingQueue<Work> least = queues.get(0);
        for (BlockingQueue<Work> queue : queues) {
            if (queue.size() < least.size()) {
                least = queue;
            }
        }
        return least;
    }

    /** One connection's loader: runs what it is handed until {@link Done}; returns the rows it loaded. */
    private long load(Connection connection, BlockingQueue<Work> queue, List<String> settings) throws Exception {
        Rows open = null;
        CopyIn copy = null;
        long loaded = 0;
        try {
            for (String setting : settings) {
                execute(connection, new Sql(setting, 0));
            }
            while (true) {
                Work work = queue.take();
                if (work instanceof Sql sql) {
                    InsertAsCopy.Copy converted = InsertAsCopy.convert(sql.sql());
                    if (converted != null) {
                        work = new Rows(converted.command(), converted.rows(), converted.rows().length, sql.line());
                    }
                }
                if (copy != null && !(work instanceof Rows rows && rows.command().equals(open.command()))) {
                    loaded += end(copy, open);
                    copy = null;
                }
                if (work instanceof Rows rows) {
                    if (copy == null) {
                        open = rows;
                        copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(rows.command());
                    }
                    copy.writeToCopy(rows.bytes(), 0, rows.length());
                } else if (work instanceof Sql sql) {
                    loaded += execute(connection, sql);
                } else {
                    return loaded;
                }
            }
        } catch (SQLException e) {
            Rows at = open;
            failure.compareAndSet(null, new PersistorException(source + ", line " + (at == null ? "?" : at.line())
                    + ": " + e.getMessage() + "\n  in: " + (at == null ? "" : ScriptRunner.excerpt(at.command())),
                    e.getSQLState(), e));
            throw e;
        } catch (Exception e) {
            failure.compareAndSet(null, e);
            throw e;
        } finally {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private long end(CopyIn copy, Rows open) throws SQLException {
        try {
            return copy.endCopy();
        } catch (SQLException e) {
            throw new PersistorException(source + ", line " + open.line() + ": " + e.getMessage() + "\n  in: "
                    + ScriptRunner.excerpt(open.command()), e.getSQLState(), e);
        }
    }

    /** Runs a statement; returns the rows an {@code INSERT} added. */
    private long execute(Connection connection, Sql sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql.sql());
            int updated = statement.getUpdateCount();
            return updated > 0 && sql.sql().regionMatches(true, 0, "INSERT", 0, 6) ? updated : 0;
        } catch (SQLException e) {
            throw new PersistorException(source + ", line " + sql.line() + ": " + e.getMessage() + "\n  in: "
                    + ScriptRunner.excerpt(sql.sql()), e.getSQLState(), e);
        }
    }

    private long await(Future<Long> loader) {
        try {
            return loader.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistorException("Interrupted while restoring", null, e);
        } catch (ExecutionException e) {
            rethrowFailure();
            throw new PersistorException(e.getCause().getMessage(), null, e.getCause());
        }
    }
}
