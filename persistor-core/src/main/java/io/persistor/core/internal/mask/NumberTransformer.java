package io.persistor.core.internal.mask;

import io.persistor.spi.ColumnTransformer;
import io.persistor.spi.MaskingKey;
import java.math.BigInteger;

/**
 * A whole number replaced by one in {@code [min, max]}: a keyed permutation of the range for values inside it,
 * a keyed hash into it for values outside.
 */
final class NumberTransformer implements ColumnTransformer {

    private final MaskingKey key;
    private final long min;
    private final long max;
    private final KeyedPermutation permutation;

    NumberTransformer(MaskingKey key, long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("number(min, max) needs min <= max, but got " + min + " > " + max);
        }
        if (BigInteger.valueOf(max).subtract(BigInteger.valueOf(min)).bitLength() > 62) {
            throw new IllegalArgumentException("number(min, max) covers at most 2^62 numbers");
        }
        this.key = key;
        this.min = min;
        this.max = max;
        this.permutation = new KeyedPermutation(key, "number/" + min, max - min + 1);
    }

    @Override
    public String transform(String value, String rowKey) {
        if (value == null) {
            return null;
        }
        long number;
        try {
            number = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("number(min, max) masks whole numbers, and a value is not one");
        }
        long offset = number >= min && number <= max ? permutation.apply(number - min)
                : Long.remainderUnsigned(key.hashToLong("number-outside", value), max - min + 1);
        return Long.toString(min + offset);
    }

    @Override
    public boolean keepsDistinct() {
        return true;
    }
}
