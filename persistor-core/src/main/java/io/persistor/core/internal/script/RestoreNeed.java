package io.persistor.core.internal.script;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An object of a backup whose restore needs more than a database owner's rights: a superuser, or (for a routine that
 * sets a superuser-only parameter) the right to set that parameter. The script's header carries one line per need,
 * which a restore reads back to check the restoring role before anything runs.
 *
 * @param object    the object, as {@code pg_describe_object} names it
 * @param reason    why it needs more, for example {@code its language c is untrusted}
 * @param parameter the parameter whose {@code SET} privilege lifts the need, or {@code null} when only a superuser
 *                  may restore the object
 * @param skipped   whether the script guards the object, so that another role skips it with a warning; otherwise
 *                  its statement fails
 */
public record RestoreNeed(String object, String reason, String parameter, boolean skipped) {

    private static final String PREFIX = "Needs ";
    private static final Pattern LINE = Pattern.compile(
            "-- Needs (?:a superuser|SET on parameter (\\S+)) for (.+?), else (fails|skipped): (.*)");

    /** @return what the restoring role needs, in words */
    public String requirement() {
        return parameter == null ? "a superuser" : "SET on parameter " + parameter;
    }

    /** @return the header line, without the leading {@code "-- "} */
    public String headerLine() {
        return PREFIX + requirement() + " for " + object + ", else " + (skipped ? "skipped" : "fails") + ": " + reason;
    }

    /** @return the note for {@code BackupResult.notes()}, with what lifts the need */
    public String note() {
        String lift = parameter == null ? "restore as a superuser"
                : "restore as a superuser, or (PostgreSQL 15 and later) have one GRANT SET ON PARAMETER " + parameter
                + " to the restoring role";
        return "Restoring " + object + " needs " + requirement() + " (" + reason + "): run by another role it "
                + (skipped ? "is skipped with a warning" : "fails") + "; " + lift + ".";
    }

    /**
     * Reads a header line back.
     *
     * @param line a line of the script
     * @return the need, if the line is one
     */
    public static Optional<RestoreNeed> parse(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new RestoreNeed(matcher.group(2), matcher.group(4), matcher.group(1),
                "skipped".equals(matcher.group(3))));
    }
}
