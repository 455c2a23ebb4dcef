package io.persistor.model;

/**
 * An extended statistics object.
 *
 * @param name       its qualified name
 * @param definition the {@code CREATE STATISTICS} statement as {@code pg_get_statisticsobjdef} renders it
 * @param target     its statistics target ({@code ALTER STATISTICS ... SET STATISTICS}), or {@code null} for the
 *                   default
 * @param comment    its comment, or {@code null}
 */
public record StatisticsObject(QualifiedName name, String definition, Integer target, String comment) {
}
