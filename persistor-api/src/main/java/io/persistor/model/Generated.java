package io.persistor.model;

/**
 * How a generated column computes its value.
 *
 * @param expression the expression as {@code pg_get_expr} renders it
 * @param stored     {@code true} for {@code STORED}, {@code false} for {@code VIRTUAL} (PostgreSQL 18 and later)
 */
public record Generated(String expression, boolean stored) {
}
