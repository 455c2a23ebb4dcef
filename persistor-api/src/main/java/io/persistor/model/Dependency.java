package io.persistor.model;

/**
 * One object needs another to exist first, as {@code pg_depend} records it.
 *
 * @param dependent       the object that needs the other
 * @param referenced      the object it needs
 * @param viaColumnDefault when the need comes only from a column default, that column's name; otherwise {@code null}
 * @param viaCheck         when the need comes only from a table's check constraint, its name; otherwise {@code null}
 */
public record Dependency(ObjectKey dependent, ObjectKey referenced, String viaColumnDefault, String viaCheck) {
}
