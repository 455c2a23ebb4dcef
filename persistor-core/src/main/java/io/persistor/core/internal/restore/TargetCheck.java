package io.persistor.core.internal.restore;

import io.persistor.PersistorException;
import io.persistor.core.internal.script.SqlQuote;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes sure the target has room for the script: no objects in the schemas the script creates objects in, or, with
 * {@code cleanFirst}, drops them — whole schemas the restoring role owns (other than {@code public}), and otherwise
 * the tables, views, sequences, types and routines it owns there — and the large objects it owns when the script
 * brings large objects.
 */
final class TargetCheck {

    private static final String OCCUPANTS = """
            SELECT kind, name FROM (
                SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                            WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind,
                       pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname) AS name, 'pg_catalog.pg_class'::pg_catalog.regclass AS classid,
                       c.oid AS objid, c.relowner AS owner, 1 AS rank
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relispartition
                UNION ALL
                SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
                       pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(t.typname),
                       'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, t.typowner, 2
                FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
                WHERE n.nspname = ? AND (t.typtype IN ('e', 'd', 'r') OR c.relkind = 'c')
                UNION ALL
                SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
                       pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname) || '('
                       || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',
                       'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid,
                       p.proowner, 3
                FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = ?
            ) o
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                              WHERE x.classid = o.classid AND x.objid = o.objid AND x.objsubid = 0
                                AND x.deptype IN ('e', 'i'))
              AND (? OR pg_catalog.pg_has_role(o.owner, 'USAGE'))
            ORDER BY rank, name
            """;

    private TargetCheck() {
    }

    /**
     * Refuses, naming what is in the way, unless each schema is empty; or drops what is in the way, and when the
     * script creates large objects, the large objects the restoring role owns.
     */
    static void prepare(Connection connection, Collection<String> schemas, boolean clean, boolean largeObjects,
                        String source) throws SQLException {
        if (clean && largeObjects) {
            execute(connection, "SELECT pg_catalog.lo_unlink(m.oid) FROM pg_catalog.pg_largeobject_metadata m"
                    + " WHERE pg_catalog.pg_has_role(m.lomowner, 'USAGE')");
        }
        List<String> occupied = new ArrayList<>();
        for (String schema : schemas) {
            List<String[]> occupants = occupants(connection, schema, !clean);
            if (occupants.isEmpty()) {
                continue;
            }
            if (!clean) {
                occupied.add("schema " + schema + " holds " + describe(occupants));
            } else if (!"public".equals(schema) && ownsSchema(connection, schema)) {
                execute(connection, "DROP SCHEMA " + SqlQuote.identifier(schema) + " CASCADE");
            } else {
                for (String[] occupant : occupants) {
                    execute(connection, "DROP " + occupant[0] + " IF EXISTS " + occupant[1] + " CASCADE");
                }
            }
        }
        if (!occupied.isEmpty()) {
            throw new PersistorException("Refusing to restore " + source + " into a database that is not empty: "
                    + String.join("; ", occupied) + ". Restore into an empty database, or drop them first with "
                    + "cleanFirst() (--clean in the CLI).");
        }
    }

    /**
     * For a selective restore: refuses, naming them, the relations the restore creates that the target has; or
     * drops them (without {@code CASCADE}, so that nothing else goes with them; what depends on them makes the
     * restore fail instead, naming it).
     */
    static void prepareSelected(Connection connection, List<ScriptObject> relations, boolean clean, String source)
            throws SQLException {
        List<String> occupied = new ArrayList<>();
        for (ScriptObject relation : relations) {
            String name = SqlQuote.qualified(relation.name());
            boolean exists;
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_catalog.to_regclass(?)")) {
                statement.setString(1, name);
                try (ResultSet row = statement.executeQuery()) {
                    exists = row.next() && row.getString(1) != null;
                }
            }
            if (exists && clean) {
                execute(connection, "DROP " + relation.kind() + " IF EXISTS " + name);
            } else if (exists) {
                occupied.add(relation.kind().toLowerCase(Locale.ROOT) + " " + relation.name());
            }
        }
        if (!occupied.isEmpty()) {
            throw new PersistorException("Refusing to restore " + source + ": the target already has "
                    + String.join(", ", occupied.subList(0, Math.min(5, occupied.size())))
                    + (occupied.size() > 5 ? " and " + (occupied.size() - 5) + " more" : "")
                    + ". Drop them first, or let the restore drop them with cleanFirst() (--clean in the CLI).");
        }
    }

    /**
     * Drops every object of a schema that an extension does not own (with what depends on it).
     *
     * @param connection the connection
     * @param schema     the schema
     */
    static void dropAll(Connection connection, String schema) throws SQLException {
        for (String[] occupant : occupants(connection, schema, true)) {
            execute(connection, "DROP " + occupant[0] + " IF EXISTS " + occupant[1] + " CASCADE");
        }
    }

    private static List<String[]> occupants(Connection connection, String schema, boolean all) throws SQLException {
        List<String[]> occupants = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(OCCUPANTS)) {
            statement.setString(1, schema);
            statement.setString(2, schema);
            statement.setString(3, schema);
            statement.setBoolean(4, all);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    occupants.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        return occupants;
    }

    private static boolean ownsSchema(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_catalog.pg_has_role(nspowner, 'USAGE') FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            statement.setString(1, schema);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static String describe(List<String[]> occupants) {
        List<String> names = new ArrayList<>();
        for (String[] occupant : occupants.subList(0, Math.min(5, occupants.size()))) {
            names.add(occupant[0].toLowerCase(Locale.ROOT) + " " + occupant[1]);
        }
        return String.join(", ", names) + (occupants.size() > 5 ? " and " + (occupants.size() - 5) + " more" : "");
    }

    /** @return the names of the target's schemas */
    static Set<String> schemas(Connection connection) throws SQLException {
        return names(connection, "SELECT nspname FROM pg_catalog.pg_namespace");
    }

    /** @return the names of the target's extensions */
    static Set<String> extensions(Connection connection) throws SQLException {
        return names(connection, "SELECT extname FROM pg_catalog.pg_extension");
    }

    private static Set<String> names(Connection connection, String sql) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
