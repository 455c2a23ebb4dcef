package io.persistor.model;

/**
 * A rewrite rule (not the one that makes a view a view).
 *
 * @param name       its name
 * @param definition the {@code CREATE RULE} statement as {@code pg_get_ruledef} renders it, without the semicolon
 * @param comment    its comment, or {@code null}
 */
public record Rule(String name, String definition, String comment) {
}
