package io.persistor.spi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Where a backup's script goes. The backup {@linkplain #open() opens} it once, writes the whole script, and then
 * either {@linkplain #commit() commits} it, when the script is complete, or {@linkplain #abort() aborts} it, after
 * any failure, so a sink can publish only complete scripts (as the file sink does, atomically).
 */
public interface OutputSink {

    /**
     * Opens the stream the script is written to; called once.
     *
     * @return the stream; the backup buffers its writes and makes them from a writing thread of its own, one thread
     *         at a time, and does not close it (see {@link #commit()})
     * @throws IOException when the destination cannot be written
     */
    OutputStream open() throws IOException;

    /**
     * The script is complete: make it durable and visible.
     *
     * @throws IOException when that fails; the backup then fails and calls {@link #abort()}
     */
    void commit() throws IOException;

    /** The backup failed: discard whatever was written, if possible. Must not throw. */
    void abort();

    /**
     * The file this sink publishes, for {@link io.persistor.BackupResult#file()}.
     *
     * @return the file, or {@code null} when the sink is not a file
     */
    default Path file() {
        return null;
    }
}
