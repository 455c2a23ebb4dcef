package io.persistor.model;

/**
 * A schema.
 *
 * @param name    its name
 * @param comment its comment, or {@code null}
 */
public record Schema(String name, String comment) {
}
