package io.persistor.model;

import java.util.List;

/**
 * An enum type.
 *
 * @param name   its qualified name
 * @param labels its labels in sort order
 */
public record EnumType(QualifiedName name, List<String> labels) {

    /** Copies the list. */
    public EnumType {
        labels = List.copyOf(labels);
    }
}
