package io.persistor.core.internal.mask;

import io.persistor.spi.ColumnTransformer;
import io.persistor.spi.MaskingKey;

/**
 * A phone number with its digits replaced and its other characters kept: the digits, read as one number, go
 * through a keyed permutation of the numbers with as many digits (18 at a time), so distinct numbers stay distinct.
 */
final class PhoneTransformer implements ColumnTransformer {

    private static final int CHUNK = 18;

    private final MaskingKey key;

    PhoneTransformer(MaskingKey key) {
        this.key = key;
    }

    @Override
    public String transform(String value, String rowKey) {
        if (value == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        value.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        if (digits.length() == 0) {
            throw new IllegalArgumentException("phone masks values with digits, and one has none");
        }
        StringBuilder masked = new StringBuilder(digits.length());
        for (int from = 0; from < digits.length(); from += CHUNK) {
            String chunk = digits.substring(from, Math.min(digits.length(), from + CHUNK));
            long size = 1;
            for (int i = 0; i < chunk.length(); i++) {
                size *= 10;
            }
            long image = new KeyedPermutation(key, "phone/" + from, size).apply(Long.parseLong(chunk));
            String text = Long.toString(image);
            masked.append("0".repeat(chunk.length() - text.length())).append(text);
        }
        StringBuilder result = new StringBuilder(value.length());
        int next = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            result.append(c >= '0' && c <= '9' ? masked.charAt(next++) : c);
        }
        return result.toString();
    }

    @Override
    public boolean keepsDistinct() {
        return true;
    }
}
