package io.persistor.core.internal.restore;

import io.persistor.PersistorException;
import io.persistor.RestoreResult;
import io.persistor.core.internal.script.DigestCheckingInputStream;
import io.persistor.spi.InputSource;
import io.persistor.spi.RestorePlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one restore: refuses a truncated script before anything runs, checks (or cleans) the target, then runs the
 * script, by default in one transaction that is rolled back on any failure, and refuses to commit a script whose
 * digest is not the one its manifest gives.
 */
public final class RestoreJob {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreJob.class);

    private final RestorePlan plan;

    /**
     * @param plan how to restore
     */
    public RestoreJob(RestorePlan plan) {
        this.plan = plan;
    }

    /**
     * Restores a script from its source.
     *
     * @param input the script, plain, compressed or encrypted
     * @return what was done
     */
    public RestoreResult run(InputSource input) {
        return run(input, input.file());
    }

    /**
     * Restores a stream, spooled to a temporary file first so that a truncated script is refused before anything
     * runs.
     *
     * @param stream the script, plain or gzip-compressed; not closed
     * @return what was done
     */
    public RestoreResult run(InputStream stream) {
        Path spool = null;
        try {
            spool = Files.createTempFile("persistor-restore-", ".sql");
            Files.copy(stream, spool, StandardCopyOption.REPLACE_EXISTING);
            return run(new FileSource(spool, "the script stream"), null);
        } catch (IOException e) {
            throw new PersistorException("Cannot read the script stream: " + e.getMessage(), null, e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    LOG.warn("Cannot delete the temporary copy {} of the script stream", spool);
                }
            }
        }
    }

    private RestoreResult run(InputSource input, Path reported) {
        long started = System.nanoTime();
        String source = input.name();
        if (reported != null && !Files.isRegularFile(reported)) {
            throw new PersistorException("Cannot restore " + source + ": " + (Files.exists(reported)
                    ? "not a regular file" : "no such file") + ". Nothing was run.");
        }
        ScriptFile script;
        try {
            script = new ScriptFile(input, plan.decryption());
            if (plan.requireClosingMarker() && !script.isComplete()) {
                throw new PersistorException("Refusing to restore " + source + ": it does not end with Persistor's "
                        + "closing marker, so it was cut short or is not a Persistor backup. Nothing was run. For "
                        + "another tool's script, use allowMissingClosingMarker() (--allow-missing-marker in the CLI).");
            }
        } catch (IOException e) {
            throw new PersistorException("Cannot read " + source + ": " + e.getMessage(), null, e);
        }
        if (plan.jobs() > 1) {
            return runInParallel(script, source, reported, started);
        }
        try (Connection connection = plan.dataSource().getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(!plan.singleTransaction());
            DigestCheckingInputStream bytes = script.openChecked();
            try (bytes) {
                RoleCheck.check(connection, script.needs(), plan.onError(), source);
                RestoreSelection selection = null;
                if (plan.selection().isEmpty()) {
                    TargetCheck.prepare(connection, script.schemas(), plan.cleanFirst(), script.hasLargeObjects(),
                            source);
                } else {
                    try (InputStream contents = script.open()) {
                        selection = new RestoreSelection(plan.selection(), ScriptContents.read(contents),
                                TargetCheck.schemas(connection));
                    }
                    TargetCheck.prepareSelected(connection, selection.createdRelations(), plan.cleanFirst(), source);
                }
                ScriptRunner runner = new ScriptRunner(connection, source, plan.onError(), plan.singleTransaction(),
                        plan.progress(), selection);
                try (ParsedScript parsed = new ParsedScript(bytes)) {
                    runner.run(parsed);
                }
                checkDigest(bytes, source);
                if (plan.singleTransaction()) {
                    connection.commit();
                }
                Duration duration = Duration.ofNanos(System.nanoTime() - started);
                LOG.info("Restored {}: {} statements, {} rows in {} ms", source, runner.statements(), runner.rows(),
                        duration.toMillis());
                return new RestoreResult(reported, runner.statements(), runner.rows(), duration, runner.errors());
            } catch (SQLException | IOException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new PersistorException("Restore of " + source + " failed: " + e.getMessage(), e.getSQLState(), e);
        } catch (IOException e) {
            throw new PersistorException("Restore of " + source + " failed reading it: " + e.getMessage(), null, e);
        }
    }

    private RestoreResult runInParallel(ScriptFile script, String source, Path reported, long started) {
        try (Connection connection = plan.dataSource().getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            ParallelRestore restore = new ParallelRestore(plan, script, source);
            try {
                restore.run(connection);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("Restored {} with {} jobs: {} statements, {} rows in {} ms", source, plan.jobs(),
                    restore.statements(), restore.rows(), duration.toMillis());
            return new RestoreResult(reported, restore.statements(), restore.rows(), duration, List.of());
        } catch (SQLException e) {
            throw new PersistorException("Restore of " + source + " failed: " + e.getMessage(), e.getSQLState(), e);
        } catch (IOException e) {
            throw new PersistorException("Restore of " + source + " failed reading it: " + e.getMessage(), null, e);
        }
    }

    /** Refuses, before the commit, a script whose bytes are not those its manifest's digest was taken of. */
    private void checkDigest(DigestCheckingInputStream bytes, String source) {
        refuseIfChanged(bytes, source, plan.singleTransaction() ? "Nothing was committed."
                : "The statements already run were committed one by one.");
    }

    /**
     * Refuses a script whose bytes, all read, are not those its manifest's digest was taken of.
     *
     * @param bytes      the script's bytes, read to the end
     * @param source     the script's name
     * @param afterwards what became of the statements run, for the message
     */
    static void refuseIfChanged(DigestCheckingInputStream bytes, String source, String afterwards) {
        bytes.outcome().filter(outcome -> !outcome.intact()).ifPresent(outcome -> {
            throw new PersistorException("Refusing " + source + ": its SHA-256 is " + outcome.actual()
                    + ", but its manifest says " + outcome.expected() + ", so it was changed or corrupted after it "
                    + "was written. " + afterwards);
        });
    }

    private void rollback(Connection connection, Exception cause) {
        if (plan.singleTransaction()) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
