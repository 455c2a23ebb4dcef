package io.persistor.spi;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that makes a backup's masks deterministic yet not reversible: every fake is derived from a keyed hash
 * (HMAC-SHA-256) of the original, so without the key a fake cannot be matched to a guessed original. Thread-safe.
 */
public final class MaskingKey {

    private final ThreadLocal<Mac> macs;

    /**
     * @param secret the key's bytes, at least 16
     */
    public MaskingKey(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("A masking key needs at least 16 bytes, but got " + secret.length);
        }
        SecretKeySpec spec = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("The JVM has no HMAC-SHA-256", e);
            }
        });
    }

    /**
     * The keyed hash of a value within a purpose, so that two transformers hashing the same value get unrelated
     * results.
     *
     * @param purpose what the hash is for, such as {@code "email"}
     * @param value   the value
     * @return 32 bytes
     */
    public byte[] hash(String purpose, String value) {
        Mac mac = macs.get();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The first 8 bytes of {@link #hash(String, String)} as a number.
     *
     * @param purpose what the hash is for
     * @param value   the value
     * @return a number, any of the 2^64 equally likely
     */
    public long hashToLong(String purpose, String value) {
        byte[] hash = hash(purpose, value);
        long result = 0;
        for (int i = 0; i < 8; i++) {
            result = result << 8 | (hash[i] & 0xff);
        }
        return result;
    }
}
