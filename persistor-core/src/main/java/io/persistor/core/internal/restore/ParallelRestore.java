package io.persistor.core.internal.restore;

import io.persistor.OnError;
import io.persistor.PersistorException;
import io.persistor.ProgressListener;
import io.persistor.core.internal.script.DigestCheckingInputStream;
import io.persistor.core.internal.script.SqlQuote;
import io.persistor.model.QualifiedName;
import io.persistor.spi.RestorePlan;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A restore by several connections, in pg_restore's phases: the definitions (pre-data) in one transaction; then
 * the tables' rows, each table's {@code COPY} or {@code INSERT}s all loaded by the first connection to reach them
 * (two connections filling one table would wait on each other), every connection reading the file on its own; then the indexes, then the keys and other constraints, each built by
 * whichever connection is free; then the rest of the post-data section in the file's order. Each phase commits, so
 * all or nothing is kept another way: the target's schemas were empty of the script's objects before (checked
 * first), and on any failure everything in them, the schemas the restore created and the extensions it added are
 * dropped again.
 */
final class ParallelRestore {

    private final RestorePlan plan;
    private final ScriptFile script;
    private final String source;
    /** Which runner loads each table's rows (and sets each sequence's value), the first to reach them. */
    private final Map<QualifiedName, PhaseGate> claimed = new ConcurrentHashMap<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
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
            DigestCheckingInputStream bytes = script.openChecked();
            // Each connection converts only the INSERTs it runs.
            try (ParsedScript parsed = new ParsedScript(new InputStreamReader(bytes, StandardCharsets.UTF_8), false)) {
                PhaseGate gate = new PhaseGate(Phase.PRE_DATA);
                ScriptRunner runner = new ScriptRunner(coordinator, source, OnError.STOP, true, plan.progress(), gate);
                runner.run(parsed);
                coordinator.commit();
                coordinator.setAutoCommit(true);
                for (int i = 1; i < plan.jobs(); i++) {
                    workers.add(plan.dataSource().getConnection());
                }
                loadData(threads, runner, gate, parsed, workers);
                List<String> postData = postData(runner.takePending(), parsed);
                RestoreJob.refuseIfChanged(bytes, source, "What the restore created was dropped again.");
                List<Connection> all = new ArrayList<>(workers);
                all.add(0, coordinator);
                build(threads, all, postData, "INDEX");
                build(threads, all, postData, "CONSTRAINT");
                for (String sql : postData) {
                    execute(coordinator, sql);
                    statements++;
                }
                statements += runner.statements();
                rows += runner.rows();
            }
        } catch (SQLException | IOException | RuntimeException e) {
            threads.shutdownNow();
            closeAll(workers, e);
            undo(coordinator, schemas, schemasBefore, extensionsBefore, e);
            throw e;
        } finally {
            threads.shutdownNow();
            closeAll(workers, null);
        }
    }

    /** The data phase: the coordinator goes on through its own pass while each worker reads the file anew. */
    private void loadData(ExecutorService threads, ScriptRunner coordinator, PhaseGate gate, ParsedScript parsed,
                          List<Connection> workers) throws IOException {
        List<Future<long[]>> jobs = new ArrayList<>();
        for (Connection worker : workers) {
            jobs.add(threads.submit(() -> {
                try (Reader reader = script.open(); ParsedScript own = new ParsedScript(reader, false)) {
                    ScriptRunner runner = new ScriptRunner(worker, source, OnError.STOP, false,
                            new ProgressListener() { }, new PhaseGate(Phase.DATA_ONLY));
                    runner.run(own);
                    return new long[] {runner.statements(), runner.rows()};
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    throw e;
                }
            }));
        }
        gate.enterData();
        try {
            coordinator.run(parsed);
        } catch (RuntimeException | IOException e) {
            failure.compareAndSet(null, e);
            throw e;
        }
        for (Future<long[]> job : jobs) {
            long[] counts = await(job);
            statements += counts[0];
            rows += counts[1];
        }
    }

    /** The statements after the data section, from the first one on; none may be data. */
    private List<String> postData(ParsedScript.Item first, ParsedScript parsed) throws IOException {
        List<String> statements = new ArrayList<>();
        ParsedScript.Item item = first == null ? parsed.next() : first;
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

    /** Which part of the script a runner runs. */
    private enum Phase {
        /** The coordinator's first: the definitions, up to the first rows. */
        PRE_DATA,
        /** The coordinator's second: the rows it claims first, up to the post-data section. */
        DATA,
        /** A worker's: skips the definitions, runs the rows it claims first, stops at the post-data section. */
        DATA_ONLY
    }

    /**
     * Reads each statement's place: session settings run everywhere; definitions run in the first phase only; a
     * table's rows (and a sequence's value among them) run on the connection that claims them first; the first
     * statement after the data section stops the data phases. A failure elsewhere stops every runner.
     */
    private final class PhaseGate implements StatementGate {

        private boolean inData;

        private Phase phase;

        PhaseGate(Phase phase) {
            this.phase = phase;
        }

        /** Moves the coordinator's gate from the definitions to the rows. */
        void enterData() {
            phase = Phase.DATA;
            inData = true;
        }

        @Override
        public Decision decide(String sql) {
            if (failure.get() != null && phase != Phase.PRE_DATA) {
                return Decision.STOP;
            }
            ScriptObject object = StatementClassifier.classify(sql);
            if (object == null && !StatementClassifier.isTransactionControl(sql)) {
                return Decision.RUN;
            }
            boolean data = object != null
                    && (object.kind().equals("TABLE DATA") || object.kind().equals("SEQUENCE SET"));
            if (!inData) {
                if (!data) {
                    return phase == Phase.PRE_DATA ? Decision.RUN : Decision.SKIP;
                }
                if (phase == Phase.PRE_DATA) {
                    return Decision.STOP;
                }
                inData = true;
            }
            if (!data) {
                return Decision.STOP;
            }
            PhaseGate owner = claimed.putIfAbsent(object.name(), this);
            return owner == null || owner == this ? Decision.RUN : Decision.SKIP;
        }
    }
}
