package io.persistor.core.internal.restore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Looks at eight bytes at a time: reads a word of a byte array and marks the bytes of interest in it with their high
 * bit. A mark is exact for the lowest marked byte, the one the parser and the INSERT converter look for.
 */
final class Swar {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Swar() {
    }

    /** The eight bytes from {@code at}, the first in the lowest byte. */
    static long word(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /** A word of eight copies of {@code b}. */
    static long copies(int b) {
        return (b & 0xFFL) * ONES;
    }

    /** Marks the bytes of {@code word} equal to the byte of {@code copies}. */
    static long equal(long word, long copies) {
        long x = word ^ copies;
        return (x - ONES) & ~x & HIGHS;
    }

    /** Marks the bytes of {@code word} below {@code n} (at most 0x80). */
    static long below(long word, int n) {
        return (word - n * ONES) & ~word & HIGHS;
    }

    /** Marks the bytes of {@code word} that are not ASCII. */
    static long notAscii(long word) {
        return word & HIGHS;
    }

    /** The index in its word of the lowest marked byte; {@code marks} must not be zero. */
    static int first(long marks) {
        return Long.numberOfTrailingZeros(marks) >>> 3;
    }
}
