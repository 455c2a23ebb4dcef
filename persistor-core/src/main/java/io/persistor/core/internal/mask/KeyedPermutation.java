package io.persistor.core.internal.mask;

import io.persistor.spi.MaskingKey;

/**
 * A keyed permutation of the numbers {@code [0, size)}: a Feistel network over enough bits, applied again while
 * its result falls outside the range (cycle walking), so every number in the range maps to a distinct one in it.
 */
final class KeyedPermutation {

    private static final int ROUNDS = 6;

    private final MaskingKey key;
    private final String purpose;
    private final long size;
    private final int halfBits;
    private final long halfMask;

    /**
     * @param key     the masking key
     * @param purpose what the permutation is for, so two of them are unrelated
     * @param size    how many numbers, at least 1; up to 2^62
     */
    KeyedPermutation(MaskingKey key, String purpose, long size) {
        if (size < 1 || size > 1L << 62) {
            throw new IllegalArgumentException("A permutation covers 1 to 2^62 numbers, not " + size);
        }
        this.key = key;
        this.purpose = purpose + "/" + size;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(size - 1));
        this.halfBits = (bits + 1) / 2;
        this.halfMask = (1L << halfBits) - 1;
        this.size = size;
    }

    /**
     * @param value a number in {@code [0, size)}
     * @return its image, in the same range
     */
    long apply(long value) {
        long result = value;
        do {
            result = round(result);
        } while (result >= size);
        return result;
    }

    private long round(long value) {
        long left = value >>> halfBits;
        long right = value & halfMask;
        for (int round = 0; round < ROUNDS; round++) {
            long next = (left ^ key.hashToLong(purpose, round + ":" + right)) & halfMask;
            left = right;
            right = next;
        }
        return left << halfBits | right;
    }
}
