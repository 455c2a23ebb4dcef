package io.persistor.core.internal.diff;

import static io.persistor.core.internal.script.SqlQuote.literal;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.EnumType;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-place statements that turn one enum's labels into another's: {@code ADD VALUE} for labels added in any
 * position, {@code RENAME VALUE} for labels replaced one for one. Removing or reordering labels has none.
 */
final class EnumChange {

    private EnumChange() {
    }

    /**
     * The statements, or {@code null} when the change cannot be made in place.
     *
     * @param target the enum as it is
     * @param source the enum as it should be
     * @return the statements without terminating semicolons, in order
     */
    static List<String> of(EnumType target, EnumType source) {
        List<String> before = target.labels();
        List<String> after = source.labels();
        String alter = "ALTER TYPE " + qualified(source.name());
        List<String> statements = new ArrayList<>();
        if (after.containsAll(before) && after.stream().filter(before::contains).toList().equals(before)) {
            List<String> present = new ArrayList<>(before);
            for (int i = 0; i < after.size(); i++) {
                String label = after.get(i);
                if (present.contains(label)) {
                    continue;
                }
                String position = i > 0 ? " AFTER " + literal(after.get(i - 1))
                        : present.isEmpty() ? "" : " BEFORE " + literal(present.get(0));
                statements.add(alter + " ADD VALUE " + literal(label) + position);
                present.add(i, label);
            }
            return statements;
        }
        if (before.size() != after.size()) {
            return null;
        }
        for (int i = 0; i < after.size(); i++) {
            String from = before.get(i);
            String to = after.get(i);
            if (from.equals(to)) {
                continue;
            }
            if (after.contains(from) || before.contains(to)) {
                return null;
            }
            statements.add(alter + " RENAME VALUE " + literal(from) + " TO " + literal(to));
        }
        return statements;
    }
}
