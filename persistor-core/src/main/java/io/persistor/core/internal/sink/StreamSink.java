package io.persistor.core.internal.sink;

import io.persistor.spi.OutputSink;
import java.io.IOException;
import java.io.OutputStream;

/** A stream the caller owns: committed by flushing, never closed, and nothing to take back on abort. */
public final class StreamSink implements OutputSink {

    private final OutputStream stream;

    /**
     * @param stream the caller's stream
     */
    public StreamSink(OutputStream stream) {
        this.stream = stream;
    }

    @Override
    public OutputStream open() {
        // Closing what the backup wrote through must not close the caller's stream.
        return new NonClosingOutputStream(stream);
    }

    @Override
    public void commit() throws IOException {
        stream.flush();
    }

    @Override
    public void abort() {
        // What was written stays written; it lacks the closing marker, so a restore refuses it.
    }
}
