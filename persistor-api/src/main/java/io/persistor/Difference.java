package io.persistor;

import java.util.List;

/**
 * One way the target differs from the source.
 *
 * @param kind    the object's kind, in SQL words: {@code table}, {@code column}, {@code index}, {@code function}...
 * @param name    the object's name as the source calls it, schema-qualified ({@code public.orders.price} for a column)
 * @param change  how it differs
 * @param details for {@link Change#DIFFERENT}, each property that differs, as {@code property: source vs target};
 *                otherwise empty
 */
public record Difference(String kind, String name, Change change, List<String> details) {

    /** Copies the list. */
    public Difference {
        details = List.copyOf(details);
    }

    /** How an object differs. */
    public enum Change {
        /** The source has it and the target does not. */
        MISSING_IN_TARGET,
        /** The target has it and the source does not. */
        EXTRA_IN_TARGET,
        /** Both have it, with different properties. */
        DIFFERENT
    }

    /** Returns one line: {@code DIFFERENT column public.orders.price: type: numeric(10,2) vs numeric(12,2)}. */
    @Override
    public String toString() {
        return change + " " + kind + " " + name + (details.isEmpty() ? "" : ": " + String.join("; ", details));
    }
}
