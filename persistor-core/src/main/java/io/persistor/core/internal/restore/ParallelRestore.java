package io.persistor.core.internal.restore;

import io.persistor.OnError;
import io.persistor.PersistorException;
import io.persistor.core.internal.script.DigestCheckingInputStream;
import io.persistor.core.internal.script.SqlQuote;
import io.persistor.spi.RestorePlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A restore by several connections, in pg_restore's phases: the definitions (pre-data) in one transaction; then
 * the tables' rows, read from the script once and loaded by all the connections at once ({@link DataPhase}); then
 * the indexes, then the keys and other constraints, each built by whichever connection is free; then the rest of the
 * post-data section in the file's order. Each phase commits, so all or nothing is kept another way: the target's
 * schemas were empty of the script's objects before (checked first), and on any failure everything in them, the
 * schemas the restore created and the extensions it added are dropped again.
 */
final class ParallelRestore {

    private final RestorePlan plan;
    private final ScriptFile script;
    private final String source;
    private long statements;
    private long rows;

    ParallelRestore(RestorePlan plan, ScriptFile script, String source) {
        this.plan = plan;
        this.script = script;
        this.source = source;
    }

    long statements() {
        return statements;
    }

    long rows() {
        return rows;
    }

    /**
     * Runs the restore; on failure drops what it created and rethrows.
     *
     * @param coordinator the first connection, in auto-commit mode
     */
    void run(Connection coordinator) throws SQLException, IOException {
        Collection<String> schemas = script.schemas();
        Set<String> schemasBefore = TargetCheck.schemas(coordinator);
        Set<String> extensionsBefore = TargetCheck.extensions(coordinator);
        List<Connection> workers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(plan.jobs(), runnable -> {
            Thread thread = new Thread(runnable, "persistor-restore-job");
            thread.setDaemon(true);
            return thread;
        });
        try {
            coordinator.setAutoCommit(false);
            RoleCheck.check(coordinator, script.needs(), OnError.STOP, source);
            TargetCheck.prepare(coordinator, schemas, false, script.hasLargeObjects(), source);
            // The connection that runs an INSERT converts it to COPY rows. From a plain file, the connections read COPY
            // rows themselves and the digest is taken on a thread of its own, so the parser finds each table's rows
            // at the speed of a scan.
            Path file = script.plainFile();
            DigestCheckingInputStream checked = script.openChecked();
            CompletableFuture<Void> digested = file == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> readToEnd(checked));
            try (checked; InputStream bytes = file == null ? checked : script.open();
                 ParsedScript parsed = new ParsedScript(bytes, false, file == null)) {
                Definitions gate = new Definitions();
                ScriptRunner runner = new ScriptRunner(coordinator, source, OnError.STOP, true, plan.progress(), gate);
                runner.run(parsed);
                coordinator.commit();
                coordinator.setAutoCommit(true);
                statements += runner.statements();
                rows += runner.rows();
                for (int i = 1; i < plan.jobs(); i++) {
                    workers.add(plan.dataSource().getConnection());
                }
                List<Connection> all = new ArrayList<>(workers);
                all.add(0, coordinator);
                DataPhase data = new DataPhase(threads, all, gate.settings, file, source, plan.progress());
                ParsedScript.Item first = runner.takePending();
                ParsedScript.Item next = data.read(first == null ? new ParsedScript.End() : first, parsed, statements);
                List<String> postData = postData(next, parsed);
                data.buildEarly(postData);
                await(digested);
                RestoreJob.refuseIfChanged(checked, source, "What the restore created was dropped again.");
                data.finish();
                statements += data.statements();
                rows += data.rows();
                build(threads, all, postData, "INDEX");
                build(threads, all, postData, "CONSTRAINT");
                for (String sql : postData) {
                    execute(coordinator, sql);
                    statements++;
                }
            }
        } catch (SQLException | IOException | RuntimeException e) {
            stop(threads);
            closeAll(workers, e);
            undo(coordinator, schemas, schemasBefore, extensionsBefore, e);
            throw e;
        } finally {
            threads.shutdownNow();
            closeAll(workers, null);
        }
    }

    private static void readToEnd(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Interrupts the jobs and waits for them, so that none uses the coordinator's connection any more. */
    private static void stop(ExecutorService threads) {
        threads.shutdownNow();
        try {
            threads.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The statements after the data section, from the first one on; none may be data. */
    private List<String> postData(ParsedScript.Item first, ParsedScript parsed) throws IOException {
        List<String> statements = new ArrayList<>();
        ParsedScript.Item item = first;
        for (; !(item instanceof ParsedScript.End); item = parsed.next()) {
            if (item instanceof ParsedScript.Statement statement) {
                statements.add(statement.sql());
            } else if (!(item instanceof ParsedScript.Meta)) {
                throw new PersistorException(source + ": rows come after the indexes and keys begin, which a "
                        + "restore with jobs cannot load in order; restore it with one job");
            }
        }
        return statements;
    }

    /** Runs (and takes out of the list) the post-data statements of one kind, spread over the connections. */
    private void build(ExecutorService threads, List<Connection> connections, List<String> postData, String kind) {
        List<String> chosen = new ArrayList<>();
        postData.removeIf(sql -> {
            ScriptObject object = StatementClassifier.classify(sql);
            boolean taken = object != null && object.kind().equals(kind);
            if (taken) {
                chosen.add(sql);
            }
            return taken;
        });
        BlockingQueue<Connection> free = new LinkedBlockingQueue<>(connections);
        List<Future<Void>> builds = new ArrayList<>();
        for (String sql : chosen) {
            builds.add(threads.submit(() -> {
                Connection connection = free.take();
                try {
                    execute(connection, sql);
                } finally {
                    free.add(connection);
                }
                return null;
            }));
        }
        for (Future<Void> build : builds) {
            await(build);
        }
        statements += chosen.size();
    }

    private void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new PersistorException(source + ": " + e.getMessage() + "\n  in: " + sql, e.getSQLState(), e);
        }
    }

    private static <T> T await(Future<T> job) {
        try {
            return job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistorException("Interrupted while restoring", null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new PersistorException(cause.getMessage(), null, cause);
        }
    }

    /** Drops what the restore created: the schemas it made, the objects of the others, the extensions it added. */
    private void undo(Connection connection, Collection<String> schemas, Set<String> schemasBefore,
                      Set<String> extensionsBefore, Exception cause) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            for (String schema : schemas) {
                if (!schemasBefore.contains(schema)) {
                    TargetCheck.execute(connection, "DROP SCHEMA IF EXISTS " + SqlQuote.identifier(schema) + " CASCADE");
                } else {
                    TargetCheck.dropAll(connection, schema);
                }
            }
            for (String extension : TargetCheck.extensions(connection)) {
                if (!extensionsBefore.contains(extension)) {
                    TargetCheck.execute(connection, "DROP EXTENSION IF EXISTS " + SqlQuote.identifier(extension) + " CASCADE");
                }
            }
        } catch (SQLException e) {
            cause.addSuppressed(new PersistorException("Could not drop what the failed restore created: "
                    + e.getMessage(), e.getSQLState(), e));
        }
    }

    private static void closeAll(List<Connection> connections, Exception cause) {
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                }
            }
        }
        connections.clear();
    }

    /**
     * Runs the definitions and stops at the first rows (or sequence value); keeps the session settings met on the
     * way, which the other connections run too.
     */
    private static final class Definitions implements StatementGate {

        private final List<String> settings = new ArrayList<>();

        @Override
        public Decision decide(String sql) {
            ScriptObject object = StatementClassifier.classify(sql);
            if (object == null) {
                if (!StatementClassifier.isTransactionControl(sql)) {
                    settings.add(sql);
                }
                return Decision.RUN;
            }
            return DataPhase.isData(object) ? Decision.STOP : Decision.RUN;
        }
    }
}
