package io.persistor.model;

import java.util.List;

/**
 * A view or materialized view.
 *
 * @param name         its qualified name
 * @param materialized whether it is a materialized view
 * @param populated    for a materialized view, whether it holds data; {@code true} for plain views
 * @param options      its options ({@code security_barrier}, {@code check_option}, storage parameters), as
 *                     {@code name=value} strings
 * @param query        its query as {@code pg_get_viewdef} renders it, without the semicolon
 * @param columns      its columns; only name, type, collation, default and comment are meaningful
 * @param indexes      the indexes of a materialized view
 * @param triggers     its triggers ({@code INSTEAD OF} triggers of views)
 * @param rules        its rules other than the view's own
 * @param clusterOn    the index {@code CLUSTER} uses for a materialized view, or {@code null}
 * @param comment      its comment, or {@code null}
 * @param selfReferencing    whether its query reads the view itself (a view replaced by one over itself)
 * @param reliesOnConstraint whether its query is valid only because of a table's constraint (a {@code GROUP BY} on
 *                           a primary key that lets other columns of the table be selected)
 * @param accessMethod       a materialized view's table access method when not {@code heap}, otherwise {@code null}
 */
public record View(QualifiedName name, boolean materialized, boolean populated, List<String> options, String query,
                   List<Column> columns, List<Index> indexes, List<Trigger> triggers, List<Rule> rules,
                   String clusterOn, String comment, boolean selfReferencing, boolean reliesOnConstraint,
                   String accessMethod) {

    /** Copies the lists. */
    public View {
        options = List.copyOf(options);
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        triggers = List.copyOf(triggers);
        rules = List.copyOf(rules);
    }

    /** @return the key other objects' dependencies name it by */
    public ObjectKey key() {
        return ObjectKey.relation(name);
    }
}
