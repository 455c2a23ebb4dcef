package io.persistor.model;

/**
 * A column of a table.
 *
 * @param name              its name
 * @param type              its type as {@code format_type} renders it, schema-qualified where needed
 * @param notNull           whether it is {@code NOT NULL}
 * @param defaultExpression its default as {@code pg_get_expr} renders it, or {@code null}
 * @param generatedStored   the expression of a {@code GENERATED ALWAYS AS (...) STORED} column, or {@code null}
 * @param identity          its identity definition, or {@code null} if it is not an identity column
 */
public record Column(String name, String type, boolean notNull, String defaultExpression, String generatedStored,
                     Identity identity) {
}
