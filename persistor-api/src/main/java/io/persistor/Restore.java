package io.persistor;

import io.persistor.spi.InputSource;
import io.persistor.spi.PersistorProvider;
import io.persistor.spi.RestorePlan;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Describes one restore; {@link #from(Path)} or {@link #from(InputStream)} runs it. Runs Persistor's scripts in
 * either format, and plain pg_dump files whose only psql meta-commands are {@code COPY ... FROM stdin} blocks.
 * A builder is single-use and not thread-safe.
 */
public final class Restore {

    private final DataSource dataSource;
    private boolean singleTransaction = true;
    private OnError onError = OnError.STOP;
    private boolean cleanFirst;
    private boolean requireClosingMarker = true;
    private ProgressListener progress;
    private Decryption decryption;
    private ObjectFilter selection = ObjectFilter.ALL;
    private int jobs = 1;

    Restore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Whether the whole script runs in one transaction, so that a failure leaves the target exactly as it was.
     *
     * @param single {@code true} by default
     * @return this builder
     */
    public Restore singleTransaction(boolean single) {
        this.singleTransaction = single;
        return this;
    }

    /**
     * What to do when a statement fails.
     *
     * @param action {@link OnError#STOP} by default
     * @return this builder
     */
    public Restore onError(OnError action) {
        this.onError = action;
        return this;
    }

    /**
     * Drops what is in the way first: the script's schemas that the restoring role owns, and in the others the
     * tables, views, sequences, types and routines it owns; and, when the script brings large objects, the large
     * objects the role owns. Without this, a target that already holds objects in the script's schemas is refused.
     *
     * @return this builder
     */
    public Restore cleanFirst() {
        this.cleanFirst = true;
        return this;
    }

    /**
     * Runs a script that lacks Persistor's closing marker, such as a pg_dump file. Without this such a script is
     * refused as truncated, before anything runs.
     *
     * @return this builder
     */
    public Restore allowMissingClosingMarker() {
        this.requireClosingMarker = false;
        return this;
    }

    /**
     * Decrypts an encrypted file; a wrong passphrase or key is refused before anything runs.
     *
     * @param decryption the passphrase, or the secret key
     * @return this builder
     */
    public Restore decrypt(Decryption decryption) {
        this.decryption = Objects.requireNonNull(decryption, "decryption");
        return this;
    }

    /**
     * Restores with several connections, as {@code pg_restore -j} does, from any of Persistor's files (or a
     * pg_dump plain file): the definitions in one transaction, then the tables' rows loaded by {@code n}
     * connections at once (from a plain local file each connection reads whole tables at their offsets, and a
     * loaded table's indexes and keys are built while others load; from other sources the rows are shared out in
     * chunks), then indexes and keys built by {@code n} connections, then the rest. It stays all or nothing: when anything fails, everything the restore created is dropped again, so the
     * target is as it was. Needs the defaults of {@link #singleTransaction(boolean)} and {@link #onError(OnError)},
     * and refuses {@link #cleanFirst()} (what it drops could not be brought back) and selections.
     *
     * @param n connections, at least 1; 1 (the default) restores in one transaction on one connection
     * @return this builder
     */
    public Restore jobs(int n) {
        this.jobs = n;
        return this;
    }

    /**
     * Restores only these tables (patterns as psql takes them: {@code *}, {@code ?}, {@code schema.table}), with
     * what belongs to them: their data, keys, indexes, triggers, policies, rules, defaults, comments, privileges,
     * the sequences they own, their partitions, and the foreign keys among the tables restored. Their schemas are
     * created when the target lacks them; the types and routines they use must exist there.
     *
     * @param patterns table patterns; repeatable
     * @return this builder
     */
    public Restore table(String... patterns) {
        for (String pattern : patterns) {
            selection = selection.includeTable(pattern);
        }
        return this;
    }

    /**
     * Restores only the objects of these schemas.
     *
     * @param patterns schema patterns; repeatable
     * @return this builder
     */
    public Restore schema(String... patterns) {
        for (String pattern : patterns) {
            selection = selection.includeSchema(pattern);
        }
        return this;
    }

    /**
     * Leaves out these tables and what belongs to them.
     *
     * @param patterns table patterns; repeatable
     * @return this builder
     */
    public Restore excludeTable(String... patterns) {
        for (String pattern : patterns) {
            selection = selection.excludeTable(pattern);
        }
        return this;
    }

    /**
     * Leaves out the objects of these schemas.
     *
     * @param patterns schema patterns; repeatable
     * @return this builder
     */
    public Restore excludeSchema(String... patterns) {
        for (String pattern : patterns) {
            selection = selection.excludeSchema(pattern);
        }
        return this;
    }

    /**
     * Restores only what a filter file takes (PostgreSQL 17's {@code --filter} format), on top of the other
     * selections. With any selection, only the chosen objects must be absent from the target (or
     * {@link #cleanFirst()} drops just them), so a selection can be restored into a database in use.
     *
     * @param filterFile lines of {@code include|exclude table|schema|table_data PATTERN}
     * @return this builder
     */
    public Restore filter(Path filterFile) {
        selection = selection.and(ObjectFilter.read(filterFile));
        return this;
    }

    /**
     * Tells a listener how far the restore has come (see {@link ProgressListener#restored(long, long)}).
     *
     * @param listener the listener
     * @return this builder
     */
    public Restore progressListener(ProgressListener listener) {
        this.progress = listener;
        return this;
    }

    /**
     * Restores a script file, plain, compressed (gzip or Zstandard) or encrypted, each recognised by its content.
     *
     * @param file the script
     * @return what was done
     * @throws PersistorException when an option is invalid, the script is refused or a statement fails; the
     *                            message names the file, line and statement
     */
    public RestoreResult from(Path file) {
        Objects.requireNonNull(file, "file");
        PersistorProvider provider = Providers.provider();
        return provider.restore(plan(), provider.fileSource(file));
    }

    /**
     * Restores a script read from a stream, plain or gzip-compressed. The stream is first copied to a temporary
     * file, so that a truncated script is refused before anything runs; it is not closed.
     *
     * @param stream the script
     * @return what was done; its {@code file} is {@code null}
     * @throws PersistorException as {@link #from(Path)}
     */
    public RestoreResult from(InputStream stream) {
        Objects.requireNonNull(stream, "stream");
        return Providers.provider().restore(plan(), stream);
    }

    /**
     * Restores a script read from a source, such as an object in a bucket, in passes streamed from it: nothing is
     * copied to disk first.
     *
     * @param source the script
     * @return what was done; its {@code file} is the source's
     * @throws PersistorException as {@link #from(Path)}
     */
    public RestoreResult from(InputSource source) {
        Objects.requireNonNull(source, "source");
        return Providers.provider().restore(plan(), source);
    }

    private RestorePlan plan() {
        if (onError == null) {
            throw new PersistorException("Invalid restore options: onError must be STOP or CONTINUE, but was null");
        }
        if (jobs < 1) {
            throw new PersistorException("Invalid restore options: jobs must be at least 1, but was " + jobs);
        }
        if (jobs > 1 && (!singleTransaction || onError != OnError.STOP || cleanFirst || !selection.isEmpty())) {
            throw new PersistorException("Invalid restore options: jobs(" + jobs + ") restores all or nothing by "
                    + "dropping what it created after a failure, and so cannot be combined with "
                    + "singleTransaction(false), onError(CONTINUE), cleanFirst() or a selection");
        }
        return new RestorePlan(dataSource, singleTransaction, onError, cleanFirst, requireClosingMarker,
                progress == null ? new ProgressListener() { } : progress, decryption, selection,
                jobs);
    }
}
