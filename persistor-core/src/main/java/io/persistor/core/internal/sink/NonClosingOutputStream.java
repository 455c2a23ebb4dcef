package io.persistor.core.internal.sink;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes bytes through (in blocks, not one at a time as {@link FilterOutputStream} does) and only flushes when
 * closed: for the layers of a backup (compression, encryption) that end their output by closing, over a stream
 * someone else closes.
 */
public final class NonClosingOutputStream extends FilterOutputStream {

    /**
     * @param out the stream that stays open
     */
    public NonClosingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
