package io.persistor.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which rows a subset backup keeps, as the builder hands them to a provider: the rows of some tables that match a
 * condition or come first in a limit, and, when foreign keys are followed, every row they reference (transitively)
 * and the rows that reference them down to a depth. Tables are named {@code schema.table}, as the catalog spells
 * them.
 *
 * @param where             each table's condition, an SQL boolean expression over its columns
 * @param limits            each table's largest number of rows, taken in primary-key order
 * @param followForeignKeys whether rows referenced by kept rows are kept too, so every foreign key holds
 * @param followReferencing how many steps of referencing rows to add (0: none)
 */
public record SubsetPlan(Map<String, String> where, Map<String, Long> limits, boolean followForeignKeys,
                         int followReferencing) {

    /** No subset: every row of every table. */
    public static final SubsetPlan NONE = new SubsetPlan(Map.of(), Map.of(), true, 0);

    /** Copies the maps, keeping their order. */
    public SubsetPlan {
        where = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(where, "where")));
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(limits, "limits")));
    }

    /**
     * Whether this keeps every row.
     *
     * @return {@code true} when no table has a condition or a limit
     */
    public boolean isEmpty() {
        return where.isEmpty() && limits.isEmpty();
    }
}
