package io.persistor.core.internal.mask;

import io.persistor.spi.ColumnTransformer;
import io.persistor.spi.MaskingKey;

/** An e-mail address replaced by 12 base-32 characters of the value's keyed hash, at {@code example.com}. */
final class EmailTransformer implements ColumnTransformer {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private final MaskingKey key;

    EmailTransformer(MaskingKey key) {
        this.key = key;
    }

    @Override
    public String transform(String value, String rowKey) {
        if (value == null) {
            return null;
        }
        long hash = key.hashToLong("email", value);
        char[] local = new char[12];
        for (int i = 0; i < local.length; i++) {
            local[i] = ALPHABET.charAt((int) (hash >>> (5 * i)) & 31);
        }
        return new String(local) + "@example.com";
    }

    @Override
    public boolean keepsDistinct() {
        return true;
    }
}
