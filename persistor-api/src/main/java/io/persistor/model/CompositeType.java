package io.persistor.model;

import java.util.List;

/**
 * A composite type made with {@code CREATE TYPE ... AS (...)}.
 *
 * @param name       its qualified name
 * @param attributes its attributes in order; only their name, type, collation and comment are meaningful
 * @param comment    its comment, or {@code null}
 */
public record CompositeType(QualifiedName name, List<Column> attributes, String comment) {

    /** Copies the list. */
    public CompositeType {
        attributes = List.copyOf(attributes);
    }

    /** @return the key other objects' dependencies name it by */
    public ObjectKey key() {
        return ObjectKey.type(name);
    }
}
