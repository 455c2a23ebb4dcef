package io.persistor.core.internal.mask;

import io.persistor.spi.ColumnTransformer;
import io.persistor.spi.MaskingKey;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date or timestamp (ISO output, as backups read them) moved by 1 to {@code maxDays} days, earlier or later,
 * by the row's keyed hash: every shifted column of a row moves alike. The time of day and the zone stay;
 * {@code infinity} stays.
 */
final class DateShiftTransformer implements ColumnTransformer {

    private static final Pattern ISO = Pattern.compile("(\\d{4,})-(\\d{2})-(\\d{2})(.*?)( BC)?");

    private final MaskingKey key;
    private final int maxDays;

    DateShiftTransformer(MaskingKey key, int maxDays) {
        if (maxDays < 1) {
            throw new IllegalArgumentException("dateShift(maxDays) needs maxDays >= 1, but got " + maxDays);
        }
        this.key = key;
        this.maxDays = maxDays;
    }

    @Override
    public String transform(String value, String rowKey) {
        if (value == null || value.equals("infinity") || value.equals("-infinity")) {
            return value;
        }
        Matcher date = ISO.matcher(value);
        if (!date.matches()) {
            throw new IllegalArgumentException("dateShift masks dates and timestamps, and a value is neither");
        }
        long hash = key.hashToLong("dateShift", rowKey);
        long days = 1 + Long.remainderUnsigned(hash >>> 1, maxDays);
        boolean bc = date.group(5) != null;
        int year = Integer.parseInt(date.group(1));
        try {
            LocalDate shifted = LocalDate.of(bc ? 1 - year : year, Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(3))).plusDays((hash & 1) == 0 ? days : -days);
            int shiftedYear = shifted.getYear();
            boolean shiftedBc = shiftedYear < 1;
            String yearText = Integer.toString(shiftedBc ? 1 - shiftedYear : shiftedYear);
            return "0".repeat(Math.max(0, 4 - yearText.length())) + yearText
                    + String.format("-%02d-%02d", shifted.getMonthValue(), shifted.getDayOfMonth())
                    + date.group(4) + (shiftedBc ? " BC" : "");
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("dateShift masks dates and timestamps, and a value is neither");
        }
    }

    @Override
    public boolean dependsOnRow() {
        return true;
    }
}
