package io.persistor.model;

/**
 * A column of a table, by name.
 *
 * @param table  the table's qualified name
 * @param column the column's name
 */
public record ColumnReference(QualifiedName table, String column) {
}
