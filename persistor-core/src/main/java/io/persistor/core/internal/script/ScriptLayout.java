package io.persistor.core.internal.script;

import java.util.List;

/** The fixed text of every backup script: its session settings, section titles and closing marker. */
public final class ScriptLayout {

    /** The start of the header line that says how many large objects the script creates. */
    public static final String LARGE_OBJECTS = "Large objects: ";

    /** The first line of the manifest at the end of a script, before the counts of each table's rows. */
    public static final String MANIFEST = "-- Manifest: ";

    /** The start of a manifest line that gives a table's row count: the table, a colon and the count follow. */
    public static final String MANIFEST_ROWS = "-- Rows of ";

    /**
     * A table's name as a manifest line gives it: backslashes, line feeds and carriage returns escaped, so that
     * the line stays one comment line whatever the name.
     *
     * @param table the table's {@code schema.name}
     * @return the name on one line
     */
    public static String manifestName(String table) {
        return table.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    /**
     * The table name a manifest line gives, as it was before {@link #manifestName}.
     *
     * @param escaped the name as the line gives it
     * @return the table's {@code schema.name}
     */
    public static String tableOfManifestName(String escaped) {
        StringBuilder name = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\' && i + 1 < escaped.length()) {
                char next = escaped.charAt(++i);
                name.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    /**
     * The start of the line after the manifest that gives, in hex, the SHA-256 of every byte of the script before
     * that line (uncompressed and unencrypted).
     */
    public static final String DIGEST = "-- SHA-256 of the script above: ";

    /**
     * The last line of a complete script. A file without it was cut short and must not be restored.
     */
    public static final String CLOSING_MARKER = "-- Persistor backup complete";

    /**
     * Settings the script makes first, so that it restores the same way whatever the target's defaults:
     * no timeouts, UTF-8, standard strings, an empty search path (every name in the script is qualified),
     * no function-body checks (functions may refer to objects created later), the value styles the
     * data was written in, and heap for tables that name no access method.
     */
    public static final List<String> SESSION_SETTINGS = List.of(
            "SET statement_timeout = 0",
            "SET lock_timeout = 0",
            "SET idle_in_transaction_session_timeout = 0",
            "SET client_encoding = 'UTF8'",
            "SET standard_conforming_strings = on",
            "SELECT pg_catalog.set_config('search_path', '', false)",
            "SET check_function_bodies = false",
            "SET xmloption = content",
            "SET client_min_messages = warning",
            "SET datestyle = 'ISO, YMD'",
            "SET default_table_access_method = heap",
            "SET intervalstyle = 'postgres'");

    /** Title of the section that creates schemas, types, sequences and tables. */
    public static final String PRE_DATA = "Pre-data: schemas, types, sequences and tables";

    /** Title of the section that loads the rows. */
    public static final String DATA = "Data";

    /** Title of the section that adds keys, indexes and sequence values after the rows. */
    public static final String POST_DATA = "Post-data: sequence values, keys, indexes and foreign keys";

    private ScriptLayout() {
    }
}
