package io.persistor.core.internal.ddl;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.Column;
import io.persistor.model.View;

/**
 * {@code CREATE VIEW}, {@code CREATE MATERIALIZED VIEW ... WITH NO DATA}, its {@code CLUSTER ON} mark and
 * {@code REFRESH MATERIALIZED VIEW}.
 */
public final class ViewDdl {

    private ViewDdl() {
    }

    /**
     * Creates a view, or a materialized view without its data (the data section has not run yet).
     *
     * @param view the view
     * @return the statement, without the terminating semicolon
     */
    public static String create(View view) {
        String options = view.options().isEmpty() ? "" : " WITH (" + String.join(", ", view.options()) + ")";
        if (view.materialized()) {
            String method = view.accessMethod() == null ? "" : " USING " + identifier(view.accessMethod());
            return "CREATE MATERIALIZED VIEW " + qualified(view.name()) + method + options + " AS\n" + view.query()
                    + "\n  WITH NO DATA";
        }
        return "CREATE VIEW " + qualified(view.name()) + options + " AS\n" + view.query();
    }

    /**
     * A view with the columns (names, types, collations) of the real one and no query, so that views in a cycle, or
     * a view needing a constraint created after the data, can be used before they get their query.
     *
     * @param view the view
     * @return the statement, without the terminating semicolon
     */
    public static String placeholder(View view) {
        StringBuilder sql = new StringBuilder("CREATE VIEW ").append(qualified(view.name())).append(" AS\n SELECT");
        String separator = " ";
        for (Column column : view.columns()) {
            sql.append(separator).append("NULL::").append(column.type())
                    .append(column.collation() == null ? "" : " COLLATE " + column.collation())
                    .append(" AS ").append(identifier(column.name()));
            separator = ",\n    ";
        }
        return sql.toString();
    }

    /**
     * Gives a view created as a {@link #placeholder} its query and options.
     *
     * @param view the view
     * @return the statement, without the terminating semicolon
     */
    public static String replace(View view) {
        return create(view).replaceFirst("^CREATE VIEW ", "CREATE OR REPLACE VIEW ");
    }

    /**
     * Marks the index {@code CLUSTER} uses for a materialized view, or removes the mark.
     *
     * @param view the materialized view
     * @return the statement, without the terminating semicolon
     */
    public static String clusterOn(View view) {
        return "ALTER MATERIALIZED VIEW " + qualified(view.name())
                + (view.clusterOn() == null ? " SET WITHOUT CLUSTER" : " CLUSTER ON " + identifier(view.clusterOn()));
    }

    /**
     * Fills a materialized view.
     *
     * @param view the materialized view
     * @return the statement, without the terminating semicolon
     */
    public static String refresh(View view) {
        return "REFRESH MATERIALIZED VIEW " + qualified(view.name());
    }

    /**
     * Gives a view's column a default, used by inserts through the view.
     *
     * @param view   the view
     * @param column the column and its default
     * @return the statement, without the terminating semicolon
     */
    public static String setDefault(View view, Column column) {
        return "ALTER VIEW " + qualified(view.name()) + " ALTER COLUMN " + identifier(column.name()) + " SET DEFAULT "
                + column.defaultExpression();
    }

    /**
     * Sets the compression of a materialized view's column, which {@code CREATE MATERIALIZED VIEW} cannot give.
     *
     * @param view   the materialized view
     * @param column the column and its compression
     * @return the statement, without the terminating semicolon
     */
    public static String setCompression(View view, Column column) {
        return "ALTER MATERIALIZED VIEW " + qualified(view.name()) + " ALTER COLUMN " + identifier(column.name())
                + " SET COMPRESSION " + column.compression();
    }

    /**
     * The keyword(s) that name the view's kind in {@code COMMENT ON}.
     *
     * @param view the view
     * @return {@code VIEW} or {@code MATERIALIZED VIEW}
     */
    public static String kind(View view) {
        return view.materialized() ? "MATERIALIZED VIEW" : "VIEW";
    }
}
