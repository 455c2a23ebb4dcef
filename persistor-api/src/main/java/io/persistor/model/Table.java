package io.persistor.model;

import java.util.List;

/**
 * An ordinary table.
 *
 * @param name          its qualified name
 * @param columns       its columns in position order (dropped columns left out)
 * @param constraints   its constraints, ordered by name
 * @param indexes       its indexes that no constraint creates, ordered by name
 * @param sequencesUsed the sequences its column defaults call, ordered by name
 */
public record Table(QualifiedName name, List<Column> columns, List<Constraint> constraints, List<Index> indexes,
                    List<QualifiedName> sequencesUsed) {

    /** Copies the lists. */
    public Table {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
        sequencesUsed = List.copyOf(sequencesUsed);
    }
}
