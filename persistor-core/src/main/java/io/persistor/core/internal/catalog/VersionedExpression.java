package io.persistor.core.internal.catalog;

/**
 * Catalog columns that not every supported server has. A query names one as {@code {{placeholder}}}; it becomes
 * the column on servers that have it and a neutral value (or an older placeholder, resolved after it) on older ones.
 */
enum VersionedExpression {

    /** {@code pg_range.rngmultitypid}: the multirange type of a range, since PostgreSQL 14. */
    RANGE_MULTIRANGE("range_multirange", 140000, "r.rngmultitypid", "0::pg_catalog.oid"),

    /** {@code pg_type.typsubscript}: a type's subscripting handler, since PostgreSQL 14. */
    TYPE_SUBSCRIPT("type_subscript", 140000, "t.typsubscript", "0::pg_catalog.regproc"),

    /** A publication table's column list and row filter ({@code pg_publication_rel pr}), since PostgreSQL 15. */
    PUBLICATION_TABLE_EXTRAS("publication_table_extras", 150000, "coalesce(' (' || (SELECT pg_catalog.string_agg("
            + "pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_catalog.pg_attribute a WHERE "
            + "a.attrelid = pr.prrelid AND a.attnum = ANY (pr.prattrs)) || ')', '') || coalesce(' WHERE (' || "
            + "pg_catalog.pg_get_expr(pr.prqual, pr.prrelid) || ')', '')", "''"),

    /** The schemas a publication takes all tables of ({@code pg_publication p}), since PostgreSQL 15. */
    PUBLICATION_SCHEMAS("publication_schemas", 150000, "(SELECT pg_catalog.string_agg('TABLES IN SCHEMA ' || "
            + "pg_catalog.quote_ident(sn.nspname), ', ' ORDER BY sn.nspname) FROM pg_catalog.pg_publication_namespace "
            + "ps JOIN pg_catalog.pg_namespace sn ON sn.oid = ps.pnnspid WHERE ps.pnpubid = p.oid)", "NULL::text"),

    /** {@code pg_attribute.attcompression}: a column's compression method, since PostgreSQL 14. */
    COLUMN_COMPRESSION("column_compression", 140000, "a.attcompression", "''::\"char\""),

    /** An ICU or builtin collation's locale: {@code colllocale} since PostgreSQL 17, else what 15 and 16 have. */
    COLLATION_LOCALE("collation_locale", 170000, "c.colllocale", "{{collation_locale_15}}"),

    /** An ICU collation's locale in PostgreSQL 15 and 16; before 15 it lives in {@code collcollate}. */
    COLLATION_LOCALE_15("collation_locale_15", 150000, "c.colliculocale",
            "CASE WHEN c.collprovider = 'i' THEN c.collcollate END"),

    /** ICU tailoring rules, since PostgreSQL 16. */
    COLLATION_RULES("collation_rules", 160000, "c.collicurules", "NULL::text"),

    /** The name of a column's {@code NOT NULL} constraint, which {@code pg_constraint} holds since PostgreSQL 18. */
    NOT_NULL_NAME("not_null_name", 180000, "(SELECT k.conname FROM pg_catalog.pg_constraint k WHERE k.conrelid = "
            + "a.attrelid AND k.contype = 'n' AND k.conkey[1] = a.attnum)", "NULL::pg_catalog.name"),

    /** The comment on a column's {@code NOT NULL} constraint (PostgreSQL 18). */
    NOT_NULL_COMMENT("not_null_comment", 180000, "(SELECT pg_catalog.obj_description(k.oid, 'pg_constraint') FROM "
            + "pg_catalog.pg_constraint k WHERE k.conrelid = a.attrelid AND k.contype = 'n' AND k.conkey[1] = a.attnum)",
            "NULL::text"),

    /** Whether a column's {@code NOT NULL} constraint is declared on its table itself (PostgreSQL 18). */
    NOT_NULL_LOCAL("not_null_local", 180000, "coalesce((SELECT k.conislocal FROM pg_catalog.pg_constraint k WHERE "
            + "k.conrelid = a.attrelid AND k.contype = 'n' AND k.conkey[1] = a.attnum), true)", "true"),

    /**
     * Whether a column's {@code NOT NULL} is {@code NOT VALID} or {@code NO INHERIT} (PostgreSQL 18): such a
     * constraint is added as a constraint of its own after the data, not declared with the column.
     */
    NOT_NULL_APART("not_null_apart", 180000, "EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conrelid = "
            + "a.attrelid AND k.contype = 'n' AND k.conkey[1] = a.attnum AND (NOT k.convalidated OR k.connoinherit))",
            "false");

    private final String placeholder;
    private final int since;
    private final String present;
    private final String absent;

    VersionedExpression(String placeholder, int since, String present, String absent) {
        this.placeholder = "{{" + placeholder + "}}";
        this.since = since;
        this.present = present;
        this.absent = absent;
    }

    /** Replaces every placeholder in a query with what the server of that version has. */
    static String resolve(String query, int serverVersionNum) {
        String result = query;
        for (VersionedExpression expression : values()) {
            result = result.replace(expression.placeholder,
                    serverVersionNum >= expression.since ? expression.present : expression.absent);
        }
        return result;
    }
}
