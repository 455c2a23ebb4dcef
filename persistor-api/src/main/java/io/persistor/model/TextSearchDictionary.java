package io.persistor.model;

/**
 * A text search dictionary made with {@code CREATE TEXT SEARCH DICTIONARY}.
 *
 * @param name     its qualified name
 * @param template its template's qualified name, quoted as needed
 * @param options  the template's options as the server keeps them, such as {@code rules = 'unaccent'}, or
 *                 {@code null}
 * @param comment  its comment, or {@code null}
 */
public record TextSearchDictionary(QualifiedName name, String template, String options, String comment) {
}
