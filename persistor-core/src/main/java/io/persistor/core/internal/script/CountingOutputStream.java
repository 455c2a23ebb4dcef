package io.persistor.core.internal.script;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Counts the bytes on their way through, and digests them when given a digest, without synchronising. */
public final class CountingOutputStream extends FilterOutputStream {

    private final MessageDigest digest;
    private long count;

    /**
     * @param out where the bytes go
     */
    public CountingOutputStream(OutputStream out) {
        this(out, null);
    }

    /**
     * @param out    where the bytes go
     * @param digest updated with every byte, or {@code null}
     */
    public CountingOutputStream(OutputStream out, MessageDigest digest) {
        super(out);
        this.digest = digest;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        if (digest != null) {
            digest.update((byte) b);
        }
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        if (digest != null) {
            digest.update(b, off, len);
        }
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
