package io.persistor.model;

import java.util.List;

/**
 * A domain.
 *
 * @param name              its qualified name
 * @param baseType          the underlying type as {@code format_type} renders it
 * @param collation         its collation if it differs from the base type's, qualified and quoted; otherwise {@code null}
 * @param defaultExpression its default, or {@code null}
 * @param notNull           whether it is {@code NOT NULL}
 * @param notNullName       the name of that {@code NOT NULL} constraint where the server names them (PostgreSQL 17+),
 *                          otherwise {@code null}
 * @param constraints       its check constraints, ordered by name
 * @param comment           its comment, or {@code null}
 */
public record DomainType(QualifiedName name, String baseType, String collation, String defaultExpression,
                         boolean notNull, String notNullName, List<Constraint> constraints, String comment) {

    /** Copies the list. */
    public DomainType {
        constraints = List.copyOf(constraints);
    }

    /** @return the key other objects' dependencies name it by */
    public ObjectKey key() {
        return ObjectKey.type(name);
    }
}
