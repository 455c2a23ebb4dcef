package io.persistor.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A schema-qualified object name, as the catalog stores it (case-sensitive, unquoted).
 *
 * @param schema the schema's name
 * @param name   the object's name within the schema
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {

    private static final Comparator<QualifiedName> ORDER =
            Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

    /** Rejects missing parts. */
    public QualifiedName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /** Orders by schema, then name. */
    @Override
    public int compareTo(QualifiedName other) {
        return ORDER.compare(this, other);
    }

    /** Returns {@code schema.name}, unquoted, for messages. */
    @Override
    public String toString() {
        return schema + "." + name;
    }
}
