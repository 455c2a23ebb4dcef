package io.persistor.model;

import java.util.List;

/**
 * One schema and the objects in it, each list ordered by name.
 *
 * @param name      the schema's name
 * @param enumTypes its enum types
 * @param sequences its sequences, except those behind identity columns (see {@link Column#identity()})
 * @param tables    its ordinary tables
 */
public record Schema(String name, List<EnumType> enumTypes, List<Sequence> sequences, List<Table> tables) {

    /** Copies the lists. */
    public Schema {
        enumTypes = List.copyOf(enumTypes);
        sequences = List.copyOf(sequences);
        tables = List.copyOf(tables);
    }
}
