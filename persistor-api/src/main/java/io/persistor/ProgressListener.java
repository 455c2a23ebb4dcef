package io.persistor;

/**
 * Told how a backup advances, table by table, or how a restore advances through its script. With
 * {@code parallelism(n)} a backup's calls come from the threads that read the tables, so an implementation must be
 * thread-safe; it should return quickly.
 */
public interface ProgressListener {

    /**
     * The data section starts.
     *
     * @param tables        how many tables hold rows to read
     * @param estimatedRows the planner's estimate of all their rows ({@code reltuples}); 0 if nothing was analyzed
     */
    default void backupStarted(int tables, long estimatedRows) {
    }

    /**
     * A table's rows start to be read.
     *
     * @param table         the table, as {@code schema.name}
     * @param estimatedRows the planner's estimate of its rows ({@code reltuples}), or -1 if unknown
     */
    default void tableStarted(String table, long estimatedRows) {
    }

    /**
     * A table's rows have all been written.
     *
     * @param table the table, as {@code schema.name}
     * @param rows  how many rows it had
     * @param bytes how many bytes of script its rows took
     */
    default void tableFinished(String table, long rows, long bytes) {
    }

    /**
     * A restore has run more of its script; called after every statement or {@code COPY} block.
     *
     * @param statements how many statements have run so far
     * @param bytes      how many bytes of the (uncompressed) script have been read so far
     */
    default void restored(long statements, long bytes) {
    }
}
