package io.persistor.model;

/**
 * A column of a table or view, or an attribute of a composite type.
 *
 * @param name              its name
 * @param type              its type as {@code format_type} renders it, schema-qualified where needed
 * @param notNull           whether it is {@code NOT NULL}
 * @param notNullName       the name of its {@code NOT NULL} constraint (PostgreSQL 18 and later), or {@code null}
 * @param notNullLocal      whether its {@code NOT NULL} constraint is declared on this table itself rather than only
 *                          inherited ({@code conislocal}, PostgreSQL 18); {@code true} before
 * @param defaultExpression its default as {@code pg_get_expr} renders it, or {@code null}
 * @param generated         its generation expression, or {@code null} if it is not a generated column
 * @param identity          its identity definition, or {@code null} if it is not an identity column
 * @param collation         its collation if it differs from its type's, qualified and quoted; otherwise {@code null}
 * @param storage           its storage ({@code plain}, {@code external}, {@code extended}, {@code main}) if it
 *                          differs from its type's; otherwise {@code null}
 * @param compression       its compression method ({@code pglz}, {@code lz4}) if set; otherwise {@code null}
 * @param statisticsTarget  its statistics target if set with {@code SET STATISTICS}; otherwise {@code null}
 * @param options           its attribute options as {@code SET (...)} takes them, such as {@code n_distinct=100},
 *                          or {@code null}
 * @param local             {@code false} if it exists only because a parent table has it
 * @param comment           its comment, or {@code null}
 * @param notNullComment    the comment on its {@code NOT NULL} constraint (PostgreSQL 18), or {@code null}
 */
public record Column(String name, String type, boolean notNull, String notNullName, boolean notNullLocal,
                     String defaultExpression,
                     Generated generated,
                     Identity identity, String collation, String storage, String compression,
                     Integer statisticsTarget, String options, boolean local,
                     String comment, String notNullComment) {

    /**
     * A plain local column without extras, as a composite type's attribute or in tests.
     *
     * @param name    its name
     * @param type    its type
     * @param notNull whether it is {@code NOT NULL}
     * @return the column
     */
    public static Column of(String name, String type, boolean notNull) {
        return new Column(name, type, notNull, null, true, null, null, null, null, null, null, null, null, true, null, null);
    }

    /**
     * Whether rows carry a value for it: generated columns are computed by the server instead.
     *
     * @return {@code true} unless it is generated
     */
    public boolean holdsData() {
        return generated == null;
    }
}
