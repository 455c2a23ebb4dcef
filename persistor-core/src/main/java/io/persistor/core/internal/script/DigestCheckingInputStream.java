package io.persistor.core.internal.script;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Passes a script through while digesting it, a little behind: the last {@value #HELD_BACK} bytes read are held
 * out of the digest, so that once the stream ends the manifest's {@link ScriptLayout#DIGEST} line is among them,
 * and the digest of everything before that line can be compared with the one it gives.
 */
public final class DigestCheckingInputStream extends FilterInputStream {

    /** Longer than the digest line and the closing marker together. */
    private static final int HELD_BACK = 512;

    private final MessageDigest digest;
    private final byte[] tail = new byte[HELD_BACK];
    private int tailLength;
    private boolean ended;

    /**
     * @param in the script, uncompressed and decrypted
     */
    public DigestCheckingInputStream(InputStream in) {
        super(in);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM lacks SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            ended = true;
        } else if (n > 0) {
            hold(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] skipped = new byte[(int) Math.min(n, 8192)];
        int read = read(skipped, 0, skipped.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * The outcome, once the stream has been read to its end.
     *
     * @return empty when the script has no digest line at its end (not a Persistor script, or one written before
     *         manifests); otherwise whether the digests agree, with both
     * @throws IllegalStateException when the stream has not been read to its end
     */
    public Optional<Outcome> outcome() {
        if (!ended) {
            throw new IllegalStateException("The script has not been read to its end");
        }
        String text = new String(tail, 0, tailLength, StandardCharsets.ISO_8859_1);
        int line = text.lastIndexOf("\n" + ScriptLayout.DIGEST);
        if (line < 0) {
            return Optional.empty();
        }
        int start = line + 1;
        int end = text.indexOf('\n', start);
        String expected = text.substring(start + ScriptLayout.DIGEST.length(), end < 0 ? text.length() : end).trim();
        MessageDigest rest;
        try {
            rest = (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 cannot be copied", e);
        }
        rest.update(tail, 0, start);
        String actual = HexFormat.of().formatHex(rest.digest());
        return Optional.of(new Outcome(expected, actual));
    }

    private void hold(byte[] buffer, int offset, int n) {
        if (n >= HELD_BACK) {
            digest.update(tail, 0, tailLength);
            digest.update(buffer, offset, n - HELD_BACK);
            System.arraycopy(buffer, offset + n - HELD_BACK, tail, 0, HELD_BACK);
            tailLength = HELD_BACK;
            return;
        }
        int overflow = tailLength + n - HELD_BACK;
        if (overflow > 0) {
            digest.update(tail, 0, overflow);
            System.arraycopy(tail, overflow, tail, 0, tailLength - overflow);
            tailLength -= overflow;
        }
        System.arraycopy(buffer, offset, tail, tailLength, n);
        tailLength += n;
    }

    /**
     * The digest the script gives and the one of what came before it.
     *
     * @param expected the hex digest on the script's digest line
     * @param actual   the hex digest of the bytes before that line
     */
    public record Outcome(String expected, String actual) {

        /** @return whether they agree */
        public boolean intact() {
            return expected.equalsIgnoreCase(actual);
        }
    }
}
