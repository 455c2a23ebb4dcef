package io.persistor;

/**
 * The built-in {@link Mask}s for {@link Backup#mask(String, Mask)}. Each is deterministic: with the same
 * {@linkplain Backup#maskingKey(String) masking key}, the same value masks to the same fake in every run and every
 * table, so a foreign key between two masked columns still matches; those that say so keep distinct values
 * distinct, so unique constraints hold. None of them can be undone without the key.
 */
public final class Masks {

    private Masks() {
    }

    /**
     * An e-mail address: 12 letters and digits derived from the value, at {@code example.com}; distinct values
     * stay distinct (a 60-bit hash: a collision is less likely than one in a million among a million addresses).
     *
     * @return the mask
     */
    public static Mask email() {
        return Mask.of("email");
    }

    /**
     * A made-up full name, "First Last", derived from the value.
     *
     * @return the mask
     */
    public static Mask name() {
        return Mask.of("name");
    }

    /**
     * A made-up given name derived from the value.
     *
     * @return the mask
     */
    public static Mask firstName() {
        return Mask.of("firstName");
    }

    /**
     * A made-up family name derived from the value.
     *
     * @return the mask
     */
    public static Mask lastName() {
        return Mask.of("lastName");
    }

    /**
     * A phone number in the same format: every digit replaced, every other character ({@code +}, spaces,
     * dashes, parentheses) kept; a keyed permutation of the digits, so distinct numbers stay distinct.
     *
     * @return the mask
     */
    public static Mask phone() {
        return Mask.of("phone");
    }

    /**
     * A whole number in {@code [min, max]}: a keyed permutation of the range, so distinct values inside it stay
     * distinct (a masked key still identifies its row, and foreign keys to it still match); values outside the
     * range are mapped into it.
     *
     * @param min the smallest value written
     * @param max the largest value written
     * @return the mask
     */
    public static Mask number(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("number(min, max) needs min <= max, but got " + min + " > " + max);
        }
        return Mask.of("number", Long.toString(min), Long.toString(max));
    }

    /**
     * A date or timestamp moved by a whole number of days between 1 and {@code maxDays}, earlier or later, the
     * same for every shifted column of a row (derived from its primary key), so the intervals within a row stay.
     * It depends on the row, not on the value, so it cannot mask a foreign key's columns.
     *
     * @param maxDays the largest shift, at least 1
     * @return the mask
     */
    public static Mask dateShift(int maxDays) {
        if (maxDays < 1) {
            throw new IllegalArgumentException("dateShift(maxDays) needs maxDays >= 1, but got " + maxDays);
        }
        return Mask.of("dateShift", Integer.toString(maxDays));
    }

    /**
     * NULL instead of every value; refused for a column that is {@code NOT NULL}.
     *
     * @return the mask
     */
    public static Mask nullValue() {
        return Mask.of("null");
    }

    /**
     * The same value in every row (NULLs stay NULL); refused for a column that is unique on its own.
     *
     * @param value the value, as its type's text input
     * @return the mask
     */
    public static Mask constant(String value) {
        return Mask.of("constant", value);
    }

    /**
     * 32 hexadecimal digits (a 128-bit keyed hash) derived from the value: distinct values stay distinct.
     *
     * @return the mask
     */
    public static Mask hash() {
        return Mask.of("hash");
    }
}
