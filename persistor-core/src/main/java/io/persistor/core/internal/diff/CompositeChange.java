package io.persistor.core.internal.diff;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.Column;
import io.persistor.model.CompositeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The in-place statements that turn one composite type's attributes into another's: attributes dropped, appended,
 * or given another type, as long as those both have keep their order. PostgreSQL refuses them for a type that a
 * table column uses.
 */
final class CompositeChange {

    private CompositeChange() {
    }

    /**
     * The statements, or {@code null} when the change cannot be made in place.
     *
     * @param target the type as it is
     * @param source the type as it should be
     * @return the statements without terminating semicolons, in order
     */
    static List<String> of(CompositeType target, CompositeType source) {
        List<String> sourceNames = source.attributes().stream().map(Column::name).toList();
        List<String> targetNames = target.attributes().stream().map(Column::name).toList();
        List<String> kept = targetNames.stream().filter(sourceNames::contains).toList();
        if (!sourceNames.subList(0, kept.size()).equals(kept)) {
            return null;
        }
        String alter = "ALTER TYPE " + qualified(source.name()) + " ";
        List<String> statements = new ArrayList<>();
        for (Column attribute : target.attributes()) {
            if (!sourceNames.contains(attribute.name())) {
                statements.add(alter + "DROP ATTRIBUTE " + identifier(attribute.name()));
            }
        }
        for (Column attribute : source.attributes()) {
            int index = targetNames.indexOf(attribute.name());
            String typed = attribute.type()
                    + (attribute.collation() == null ? "" : " COLLATE " + attribute.collation());
            if (index < 0) {
                statements.add(alter + "ADD ATTRIBUTE " + identifier(attribute.name()) + " " + typed);
            } else {
                Column current = target.attributes().get(index);
                if (!current.type().equals(attribute.type())
                        || !Objects.equals(current.collation(), attribute.collation())) {
                    statements.add(alter + "ALTER ATTRIBUTE " + identifier(attribute.name()) + " TYPE " + typed);
                }
            }
        }
        return statements;
    }
}
