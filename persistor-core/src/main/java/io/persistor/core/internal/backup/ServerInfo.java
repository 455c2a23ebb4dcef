package io.persistor.core.internal.backup;

import io.persistor.PersistorException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The source server's version, and the checks made before reading its catalog.
 *
 * @param version    {@code server_version}, for messages
 * @param versionNum {@code server_version_num}
 * @param connection the connection the checks run on
 */
record ServerInfo(String version, int versionNum, Connection connection) {

    static ServerInfo of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_catalog.current_setting('server_version'), "
                     + "pg_catalog.current_setting('server_version_num')::integer")) {
            row.next();
            return new ServerInfo(row.getString(1), row.getInt(2), connection);
        }
    }

    /** Whether a table can be read in slices of pages, with TID range scans: PostgreSQL 14 and later. */
    boolean sliceable() {
        return versionNum >= 140000;
    }

    /**
     * The planner's size of a table: {@code reltuples} (-1 if never analyzed) and {@code relpages}, and whether its
     * TOAST table holds data.
     *
     * @param rows      estimated rows
     * @param pages     pages
     * @param outOfLine whether some of its values are stored out of line
     */
    record TableSize(long rows, long pages, boolean outOfLine) {
    }

    /**
     * The size of each table of the schemas, by {@code schema.table} (unquoted), for progress, slicing and
     * finding rows too large to read whole.
     */
    Map<String, TableSize> tableSizes(List<String> schemas) throws SQLException {
        Map<String, TableSize> estimates = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT n.nspname, c.relname, c.reltuples::bigint, c.relpages, "
                        + "c.reltoastrelid <> 0 AND pg_catalog.pg_relation_size(c.reltoastrelid) > 0 "
                        + "FROM pg_catalog.pg_class c "
                        + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE c.relkind = 'r' AND n.nspname = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    estimates.put(rows.getString(1) + "." + rows.getString(2),
                            new TableSize(rows.getLong(3), rows.getLong(4), rows.getBoolean(5)));
                }
            }
        }
        return estimates;
    }

    /**
     * Every schema the role may use, except system schemas and those an extension created, by name.
     */
    List<String> usableSchemas() throws SQLException {
        return schemas(true);
    }

    /**
     * The schemas {@link #usableSchemas()} leaves out because the role lacks {@code USAGE} on them.
     */
    List<String> unusableSchemas() throws SQLException {
        return schemas(false);
    }

    private List<String> schemas(boolean usable) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                     SELECT n.nspname FROM pg_catalog.pg_namespace n
                     WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
                       AND pg_catalog.has_schema_privilege(n.oid, 'USAGE') = ?
                       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                                       WHERE x.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
                                         AND x.objid = n.oid AND x.deptype = 'e')
                     ORDER BY n.nspname COLLATE "C"
                     """)) {
            statement.setBoolean(1, usable);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    schemas.add(rows.getString(1));
                }
            }
        }
        return schemas;
    }

    /**
     * Fails, naming every offender, unless each schema exists and the role may use it.
     */
    void requireSchemas(List<String> schemas) throws SQLException {
        Array names = connection.createArrayOf("text", schemas.toArray());
        List<String> missing = new ArrayList<>(schemas);
        List<String> unusable = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT nspname, pg_catalog.has_schema_privilege(oid, 'USAGE') FROM pg_catalog.pg_namespace "
                        + "WHERE nspname = ANY (?)")) {
            statement.setArray(1, names);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    missing.remove(rows.getString(1));
                    if (!rows.getBoolean(2)) {
                        unusable.add(rows.getString(1));
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("schema " + String.join(", ", missing) + " does not exist in this database");
        }
        if (!unusable.isEmpty()) {
            problems.add("the role lacks USAGE on schema " + String.join(", ", unusable)
                    + " (GRANT USAGE ON SCHEMA ... TO the backup role)");
        }
        if (!problems.isEmpty()) {
            throw new PersistorException("Cannot back up: " + String.join("; ", problems) + ".");
        }
    }
}
