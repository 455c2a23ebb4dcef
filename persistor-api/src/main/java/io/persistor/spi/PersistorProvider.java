package io.persistor.spi;

import io.persistor.BackupResult;
import io.persistor.BackupVerification;
import io.persistor.Decryption;
import io.persistor.RestoreResult;
import io.persistor.ScriptEntry;
import io.persistor.SchemaComparison;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Carries out what the fluent API describes. Register an implementation in
 * {@code META-INF/services/io.persistor.spi.PersistorProvider}; when several are present the one with
 * the highest {@link #priority()} wins, and a tie is an error.
 */
public interface PersistorProvider {

    /**
     * Ranks this provider against others on the class path.
     *
     * @return larger wins; the bundled PostgreSQL provider answers 0
     */
    int priority();

    /**
     * Runs a validated backup into a sink, committing it when the script is complete and aborting it otherwise.
     *
     * @param plan what to back up
     * @param sink where the script goes
     * @return what was written
     * @throws io.persistor.PersistorException when the backup fails
     */
    BackupResult backup(BackupPlan plan, OutputSink sink);

    /**
     * Runs a validated restore of a script read from a source, in passes.
     *
     * @param plan   how to restore
     * @param source the script, plain, compressed or encrypted
     * @return what was done
     * @throws io.persistor.PersistorException when the script is refused or a statement fails
     */
    RestoreResult restore(RestorePlan plan, InputSource source);

    /**
     * Runs a validated restore of a script read from a stream, which is not closed.
     *
     * @param plan   how to restore
     * @param stream the script, plain or gzip-compressed
     * @return what was done
     * @throws io.persistor.PersistorException when the script is refused or a statement fails
     */
    RestoreResult restore(RestorePlan plan, InputStream stream);

    /**
     * Checks a backup offline against its manifest.
     *
     * @param source     the backup, plain, compressed or encrypted
     * @param decryption what decrypts it, or {@code null}
     * @return what was found
     * @throws io.persistor.PersistorException when the source cannot be read
     */
    BackupVerification verify(InputSource source, Decryption decryption);

    /**
     * Reads a script's table of contents: each object its statements create, alter or fill.
     *
     * @param source     the script, plain, compressed or encrypted; Persistor's or pg_dump's
     * @param decryption what decrypts it, or {@code null}
     * @return the entries, in the script's order
     * @throws io.persistor.PersistorException when the source cannot be read
     */
    List<ScriptEntry> contents(InputSource source, Decryption decryption);

    /**
     * Compares two schemas (reading the databases when the plan gives data sources) and writes the migration.
     *
     * @param plan what to compare
     * @return the differences and the migration
     * @throws io.persistor.PersistorException when a side cannot be read
     */
    SchemaComparison compare(DiffPlan plan);

    /**
     * A sink that writes a file under a temporary name beside {@code file} and moves it into place on commit.
     *
     * @param file      the final path; its directory must exist
     * @param overwrite whether an existing file at that path may be replaced; otherwise the sink refuses on open
     * @return the sink
     */
    OutputSink fileSink(Path file, boolean overwrite);

    /**
     * A source that reads a file, seeking to its end for {@link InputSource#openTail(int)}.
     *
     * @param file the file
     * @return the source
     */
    InputSource fileSource(Path file);

    /**
     * A sink that writes to a stream the caller owns: commit flushes it, nothing closes it, and abort cannot take
     * back what was written.
     *
     * @param stream the stream
     * @return the sink
     */
    OutputSink streamSink(OutputStream stream);
}
