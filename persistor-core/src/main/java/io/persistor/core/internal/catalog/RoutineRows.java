package io.persistor.core.internal.catalog;

import static io.persistor.core.internal.catalog.Rows.name;

import io.persistor.core.internal.script.SqlQuote;
import io.persistor.model.Routine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads functions, procedures and aggregates. Functions and procedures are taken as {@code pg_get_functiondef}
 * renders them, except that a dollar-quoted body becomes a standard string literal, so the script stays plain SQL
 * that any statement splitter can cut; PostgreSQL has no such function for aggregates, so their
 * {@code CREATE AGGREGATE} is assembled here from {@code pg_aggregate}, naming only what differs from the defaults.
 */
final class RoutineRows {

    private RoutineRows() {
    }

    static List<Routine> routines(CatalogQueries queries) throws SQLException {
        return queries.list("routines.sql", row -> {
            String kind = row.getString("kind");
            Routine.Kind routineKind = "a".equals(kind) ? Routine.Kind.AGGREGATE
                    : "p".equals(kind) ? Routine.Kind.PROCEDURE : Routine.Kind.FUNCTION;
            String definition = routineKind == Routine.Kind.AGGREGATE ? aggregate(row)
                    : withLiteralBody(row.getString("definition").stripTrailing(), row.getString("source"),
                    row.getString("language"));
            return new Routine(name(row, "schema_name", "routine_name"), row.getString("identity_arguments"),
                    routineKind, definition, row.getString("comment"));
        });
    }

    /**
     * Replaces {@code AS $function$body$function$} at the end of a definition with {@code AS 'body'}. C and internal
     * functions (whose {@code AS} names a library) and SQL-standard bodies are left as they are, as is anything
     * that does not match the body exactly.
     */
    static String withLiteralBody(String definition, String source, String language) {
        int as = definition.lastIndexOf("\nAS $");
        if (as < 0 || "c".equals(language) || "internal".equals(language)) {
            return definition;
        }
        String quoted = definition.substring(as + 4);
        int tagEnd = quoted.indexOf('$', 1);
        if (tagEnd < 0) {
            return definition;
        }
        String tag = quoted.substring(0, tagEnd + 1);
        if (!quoted.equals(tag + source + tag)) {
            return definition;
        }
        return definition.substring(0, as) + "\nAS " + SqlQuote.literal(source);
    }

    private static String aggregate(ResultSet row) throws SQLException {
        boolean orderedSet = !"n".equals(row.getString("aggkind"));
        List<String> parts = new ArrayList<>();
        parts.add("SFUNC = " + row.getString("sfunc"));
        parts.add("STYPE = " + row.getString("stype"));
        if (row.getInt("sspace") != 0) {
            parts.add("SSPACE = " + row.getInt("sspace"));
        }
        addFinal(parts, "", row.getString("finalfunc"), row.getBoolean("finalfunc_extra"),
                row.getString("finalfunc_modify"), orderedSet ? "w" : "r");
        add(parts, "COMBINEFUNC", row.getString("combinefunc"));
        add(parts, "SERIALFUNC", row.getString("serialfunc"));
        add(parts, "DESERIALFUNC", row.getString("deserialfunc"));
        if (row.getString("initcond") != null) {
            parts.add("INITCOND = " + SqlQuote.literal(row.getString("initcond")));
        }
        add(parts, "MSFUNC", row.getString("msfunc"));
        add(parts, "MINVFUNC", row.getString("minvfunc"));
        add(parts, "MSTYPE", row.getString("mstype"));
        if (row.getInt("msspace") != 0) {
            parts.add("MSSPACE = " + row.getInt("msspace"));
        }
        addFinal(parts, "M", row.getString("mfinalfunc"), row.getBoolean("mfinalfunc_extra"),
                row.getString("mfinalfunc_modify"), "r");
        if (row.getString("minitcond") != null) {
            parts.add("MINITCOND = " + SqlQuote.literal(row.getString("minitcond")));
        }
        add(parts, "SORTOP", row.getString("sortop"));
        String parallel = row.getString("parallel");
        if ("s".equals(parallel)) {
            parts.add("PARALLEL = SAFE");
        } else if ("r".equals(parallel)) {
            parts.add("PARALLEL = RESTRICTED");
        }
        if ("h".equals(row.getString("aggkind"))) {
            parts.add("HYPOTHETICAL");
        }
        String arguments = row.getString("arguments");
        return "CREATE AGGREGATE " + SqlQuote.qualified(name(row, "schema_name", "routine_name"))
                + "(" + (arguments.isEmpty() ? "*" : arguments) + ") (\n    " + String.join(",\n    ", parts) + "\n)";
    }

    private static void addFinal(List<String> parts, String prefix, String function, boolean extra, String modify,
                                 String defaultModify) {
        if (function == null) {
            return;
        }
        parts.add(prefix + "FINALFUNC = " + function);
        if (extra) {
            parts.add(prefix + "FINALFUNC_EXTRA");
        }
        if (!defaultModify.equals(modify)) {
            parts.add(prefix + "FINALFUNC_MODIFY = "
                    + ("r".equals(modify) ? "READ_ONLY" : "s".equals(modify) ? "SHAREABLE" : "READ_WRITE"));
        }
    }

    private static void add(List<String> parts, String option, String value) {
        if (value != null) {
            parts.add(option + " = " + value);
        }
    }
}
