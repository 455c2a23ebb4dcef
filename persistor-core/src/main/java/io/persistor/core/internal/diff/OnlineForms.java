package io.persistor.core.internal.diff;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.Constraint;
import io.persistor.model.QualifiedName;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statement texts of an online-safe migration: index builds and drops {@code CONCURRENTLY}, the unique index a
 * key is attached with, and the names of the temporary objects it uses.
 */
final class OnlineForms {

    /** {@code CREATE [UNIQUE] INDEX name ON ...}, as {@code pg_get_indexdef} writes it. */
    private static final Pattern INDEX = Pattern.compile("^CREATE (UNIQUE )?INDEX (\"(?:[^\"]|\"\")+\"|\\S+) ON ");

    /** A key as {@code pg_get_constraintdef} writes it, in the parts a unique index takes. */
    private static final Pattern KEY = Pattern.compile("^(PRIMARY KEY|UNIQUE)( NULLS NOT DISTINCT)? \\((.+?)\\)"
            + "( INCLUDE \\((.+?)\\))?( WITH \\((.+?)\\))?( USING INDEX TABLESPACE (\\S+))?"
            + "( DEFERRABLE( INITIALLY (?:DEFERRED|IMMEDIATE))?)?$");

    private OnlineForms() {
    }

    /** An index definition built without blocking writes. */
    static String concurrently(String definition) {
        Matcher matcher = INDEX.matcher(definition);
        if (!matcher.find()) {
            throw new IllegalArgumentException("Not an index definition: " + definition);
        }
        return "CREATE " + (matcher.group(1) == null ? "" : "UNIQUE ") + "INDEX CONCURRENTLY " + matcher.group(2)
                + " ON " + definition.substring(matcher.end());
    }

    /** An index definition with another name, built without blocking writes. */
    static String concurrently(String definition, String name) {
        Matcher matcher = INDEX.matcher(definition);
        if (!matcher.find()) {
            throw new IllegalArgumentException("Not an index definition: " + definition);
        }
        return concurrently("CREATE " + (matcher.group(1) == null ? "" : "UNIQUE ") + "INDEX " + identifier(name)
                + " ON " + definition.substring(matcher.end()));
    }

    /**
     * The unique index a primary key or unique constraint can be attached with, built concurrently, or {@code null}
     * when its definition has parts a unique index cannot take.
     */
    static String keyIndex(QualifiedName table, Constraint constraint) {
        Matcher matcher = KEY.matcher(constraint.definition());
        if (!matcher.matches()) {
            return null;
        }
        return "CREATE UNIQUE INDEX CONCURRENTLY " + identifier(constraint.name()) + " ON " + qualified(table)
                + " (" + matcher.group(3) + ")"
                + (matcher.group(4) == null ? "" : " INCLUDE (" + matcher.group(5) + ")")
                + (matcher.group(2) == null ? "" : " NULLS NOT DISTINCT")
                + (matcher.group(6) == null ? "" : " WITH (" + matcher.group(7) + ")")
                + (matcher.group(8) == null ? "" : " TABLESPACE " + matcher.group(9));
    }

    /** The statement that makes a unique index built by {@link #keyIndex} the key. */
    static String keyUsingIndex(QualifiedName table, Constraint constraint) {
        Matcher matcher = KEY.matcher(constraint.definition());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a key definition: " + constraint.definition());
        }
        return "ALTER TABLE " + qualified(table) + " ADD CONSTRAINT " + identifier(constraint.name()) + " "
                + matcher.group(1) + " USING INDEX " + identifier(constraint.name())
                + (matcher.group(10) == null ? "" : matcher.group(10));
    }

    /** A name for a temporary object made from a real one's, within PostgreSQL's 63 bytes. */
    static String temporaryName(String name, String suffix) {
        String base = name;
        while (base.getBytes(StandardCharsets.UTF_8).length + suffix.length() > 63) {
            base = base.substring(0, base.length() - 1);
        }
        return base + suffix;
    }

    /** A duration as a setting's value: {@code '5s'}, {@code '1h'}, {@code '250ms'}. */
    static String setting(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return "'" + millis / 3_600_000 + "h'";
        } else if (millis % 60_000 == 0) {
            return "'" + millis / 60_000 + "min'";
        } else if (millis % 1000 == 0) {
            return "'" + millis / 1000 + "s'";
        }
        return "'" + millis + "ms'";
    }
}
