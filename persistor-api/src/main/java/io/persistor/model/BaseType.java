package io.persistor.model;

/**
 * A base type, made with {@code CREATE TYPE name (INPUT = ..., OUTPUT = ...)}, or a shell type that was never given
 * a definition. Only a superuser may define a base type; its input and output functions are routines of the catalog.
 *
 * @param name       its qualified name
 * @param properties the parenthesised options of its {@code CREATE TYPE} as the server's catalog gives them
 *                   ({@code INPUT = ..., OUTPUT = ..., INTERNALLENGTH = ...}), or {@code null} for a shell type
 * @param comment    its comment, or {@code null}
 */
public record BaseType(QualifiedName name, String properties, String comment) {

    /** @return the key other objects' dependencies name it by */
    public ObjectKey key() {
        return ObjectKey.type(name);
    }

    /** @return whether it is only a shell, with no definition */
    public boolean shell() {
        return properties == null;
    }
}
