package io.persistor.core.internal.script;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts the bytes on their way through, without synchronising on every byte. */
public final class CountingOutputStream extends FilterOutputStream {

    private long count;

    /**
     * @param out where the bytes go
     */
    public CountingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
    }

    /**
     * How many bytes went through so far.
     *
     * @return the count
     */
    public long count() {
        return count;
    }
}
