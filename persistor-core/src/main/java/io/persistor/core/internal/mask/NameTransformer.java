package io.persistor.core.internal.mask;

import io.persistor.spi.ColumnTransformer;
import io.persistor.spi.MaskingKey;

/** A made-up given name, family name or both, built of syllables chosen by the value's keyed hash. */
final class NameTransformer implements ColumnTransformer {

    private static final String CONSONANTS = "bdfghklmnprstvz";
    private static final String VOWELS = "aeiou";

    /** Which part of a name. */
    enum Part { FIRST, LAST, FULL }

    private final MaskingKey key;
    private final Part part;

    NameTransformer(MaskingKey key, Part part) {
        this.key = key;
        this.part = part;
    }

    @Override
    public String transform(String value, String rowKey) {
        if (value == null) {
            return null;
        }
        long hash = key.hashToLong("name", value);
        return switch (part) {
            case FIRST -> word(hash, 2);
            case LAST -> word(hash >>> 24, 3);
            case FULL -> word(hash, 2) + " " + word(hash >>> 24, 3);
        };
    }

    /** A capitalised word of two or three syllables (three or four for family names). */
    private static String word(long hash, int syllables) {
        StringBuilder word = new StringBuilder();
        long bits = hash;
        int count = syllables + (int) (bits & 1);
        bits >>>= 1;
        for (int i = 0; i < count; i++) {
            word.append(CONSONANTS.charAt((int) Long.remainderUnsigned(bits, CONSONANTS.length())));
            bits = Long.divideUnsigned(bits, CONSONANTS.length());
            word.append(VOWELS.charAt((int) Long.remainderUnsigned(bits, VOWELS.length())));
            bits = Long.divideUnsigned(bits, VOWELS.length());
        }
        word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
        return word.toString();
    }
}
