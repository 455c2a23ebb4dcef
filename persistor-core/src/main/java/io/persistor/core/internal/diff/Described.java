package io.persistor.core.internal.diff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One object reduced to what a comparison looks at: its kind, its name (as the target would call it), its
 * properties as normalised text, and the model object it came from, for the migration.
 *
 * @param kind       the kind in SQL words, such as {@code table} or {@code column}
 * @param name       the schema-qualified name, with the source's schema mapped to the target's
 * @param properties property name to normalised value ({@code null} values are left out)
 * @param order      creation rank: lower kinds are created first and dropped last
 * @param source     the model object (a table, a column with its table, ...)
 */
record Described(String kind, String name, Map<String, String> properties, int order, Object source) {

    /** Starts an object with no properties yet. */
    static Described of(String kind, String name, int order, Object source) {
        return new Described(kind, name, new LinkedHashMap<>(), order, source);
    }

    /** Adds a property; {@code null} stands for "not set" and compares equal to an absent property. */
    Described with(String property, Object value) {
        if (value != null) {
            properties.put(property, String.valueOf(value).replaceAll("\\s+", " ").strip());
        }
        return this;
    }

    String key() {
        return kind + " " + name;
    }
}
