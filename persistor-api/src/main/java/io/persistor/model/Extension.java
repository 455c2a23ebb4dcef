package io.persistor.model;

/**
 * An installed extension whose objects live in one of the schemas read; its objects are not read themselves.
 *
 * @param name    its name
 * @param schema  the schema it was installed into
 * @param comment its comment, or {@code null} when it has none or the one its control file gives (which
 *                {@code CREATE EXTENSION} sets)
 * @param needsSuperuser whether only a superuser may create it: it is neither trusted nor free of that need
 */
public record Extension(String name, String schema, String comment, boolean needsSuperuser) {
}
