package io.persistor.model;

import java.util.List;

/**
 * An enum type.
 *
 * @param name    its qualified name
 * @param labels  its labels in sort order
 * @param comment its comment, or {@code null}
 */
public record EnumType(QualifiedName name, List<String> labels, String comment) {

    /** Copies the list. */
    public EnumType {
        labels = List.copyOf(labels);
    }

    /** @return the key other objects' dependencies name it by */
    public ObjectKey key() {
        return ObjectKey.type(name);
    }
}
