package io.persistor.core.internal.backup;

import io.persistor.LargeObjects;
import io.persistor.PersistorException;
import io.persistor.core.internal.ddl.CommentDdl;
import io.persistor.core.internal.ddl.PrivilegeDdl;
import io.persistor.core.internal.script.ScriptWriter;
import io.persistor.model.Privileges;
import io.persistor.model.QualifiedName;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The database's large objects, read in the backup's snapshot and written after the tables' rows: each created with
 * its OID ({@code lo_create}), commented, given its owner and grants when asked for, and filled a chunk per
 * statement ({@code lo_put} at an explicit offset, so any statement splitter can run the script). Metadata and data
 * are streamed: memory stays bounded whatever their number and size.
 */
final class LargeObjectSection {

    /** Bytes per {@code lo_put} statement. */
    static final int CHUNK = 1 << 17;

    /** Whether the current role may read a large object {@code m} (owner, grant or superuser). */
    private static final String READABLE = """
            (pg_catalog.pg_has_role(m.lomowner, 'USAGE')
             OR EXISTS (SELECT 1 FROM pg_catalog.aclexplode(m.lomacl) a
                        WHERE a.privilege_type = 'SELECT'
                          AND (a.grantee = 0 OR pg_catalog.pg_has_role(a.grantee, 'USAGE')))
             OR (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
             OR pg_catalog.current_setting('lo_compat_privileges')::boolean)""";

    private static final String METADATA = """
            SELECT m.oid::pg_catalog.int8, pg_catalog.pg_get_userbyid(m.lomowner), m.lomacl IS NULL,
                   pg_catalog.obj_description(m.oid, 'pg_largeobject'),
                   ARRAY(SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(a.grantee) END
                         FROM pg_catalog.aclexplode(m.lomacl) WITH ORDINALITY a ORDER BY a.ordinality),
                   ARRAY(SELECT a.privilege_type
                         FROM pg_catalog.aclexplode(m.lomacl) WITH ORDINALITY a ORDER BY a.ordinality),
                   ARRAY(SELECT a.is_grantable
                         FROM pg_catalog.aclexplode(m.lomacl) WITH ORDINALITY a ORDER BY a.ordinality)
            FROM pg_catalog.pg_largeobject_metadata m
            WHERE %s
            ORDER BY m.oid
            """;

    private final LargeObjects which;
    private final long count;

    private LargeObjectSection(LargeObjects which, long count) {
        this.which = which;
        this.count = count;
    }

    /**
     * Counts the large objects to keep, before anything is written; notes those left out.
     *
     * @throws PersistorException when every large object is to be kept and the role may not read some, naming them
     */
    static LargeObjectSection prepare(Connection connection, LargeObjects which, List<String> notes)
            throws SQLException {
        long all = single(connection, "SELECT pg_catalog.count(*) FROM pg_catalog.pg_largeobject_metadata");
        if (which == LargeObjects.NONE || all == 0) {
            if (all > 0) {
                notes.add("Not backed up: " + objects(all) + " (large objects were not asked for).");
            }
            return new LargeObjectSection(which, 0);
        }
        List<Long> named = new ArrayList<>();
        long unreadable = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT m.oid::pg_catalog.int8, pg_catalog.count(*) OVER ()"
                     + " FROM pg_catalog.pg_largeobject_metadata m WHERE NOT " + READABLE + " ORDER BY m.oid LIMIT 20")) {
            while (rows.next()) {
                named.add(rows.getLong(1));
                unreadable = rows.getLong(2);
            }
        }
        if (unreadable > 0) {
            String oids = named + (unreadable > named.size() ? " and " + (unreadable - named.size()) + " more" : "");
            if (which == LargeObjects.ALL) {
                throw new PersistorException("Cannot back up " + objects(unreadable) + " with OIDs " + oids
                        + ": the role may not read them. Grant it SELECT on them (GRANT SELECT ON LARGE OBJECT ...),"
                        + " or keep only the readable ones with largeObjects(LargeObjects.READABLE)"
                        + " (--large-objects readable).");
            }
            notes.add("Not backed up: " + objects(unreadable) + " with OIDs " + oids
                    + ": the role may not read them.");
        }
        return new LargeObjectSection(which, all - unreadable);
    }

    /** How many large objects the script holds. */
    long count() {
        return count;
    }

    /**
     * Writes the large objects.
     *
     * @param privileges whether to write owners and grants
     */
    void write(Connection connection, ScriptWriter out, boolean privileges) throws SQLException, IOException {
        if (count == 0) {
            return;
        }
        out.comment("");
        out.comment("Large objects: " + count);
        out.comment("");
        out.blankLine();
        String filter = which == LargeObjects.READABLE ? READABLE : "true";
        try (Statement metadata = connection.createStatement();
             PreparedStatement read = connection.prepareStatement(
                     "SELECT pg_catalog.lo_get(?::pg_catalog.oid, ?, " + CHUNK + ")")) {
            metadata.setFetchSize(1000);
            try (ResultSet rows = metadata.executeQuery(String.format(METADATA, filter))) {
                while (rows.next()) {
                    long oid = rows.getLong(1);
                    out.statement("SELECT pg_catalog.lo_create(" + oid + ")");
                    String comment = rows.getString(4);
                    if (comment != null) {
                        out.statement(CommentDdl.onLargeObject(oid, comment));
                    }
                    if (privileges) {
                        for (String statement : PrivilegeDdl.statements(privileges(oid, rows))) {
                            out.statement(statement);
                        }
                    }
                    data(oid, read, out);
                }
            }
        }
    }

    private static Privileges privileges(long oid, ResultSet row) throws SQLException {
        List<Privileges.Grant> grants = null;
        if (!row.getBoolean(3)) {
            grants = new ArrayList<>();
            String[] grantees = strings(row.getArray(5));
            String[] kinds = strings(row.getArray(6));
            Boolean[] grantable = (Boolean[]) row.getArray(7).getArray();
            for (int i = 0; i < grantees.length; i++) {
                grants.add(new Privileges.Grant(grantees[i], kinds[i], null, grantable[i]));
            }
        }
        return new Privileges("LARGE OBJECT", new QualifiedName("", Long.toString(oid)), "", row.getString(2),
                grants, List.of());
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }

    /** Copies the object's bytes a chunk at a time, each read in the snapshot and written as one statement. */
    private static void data(long oid, PreparedStatement read, ScriptWriter out) throws SQLException, IOException {
        HexFormat hex = HexFormat.of();
        long offset = 0;
        while (true) {
            read.setLong(1, oid);
            read.setLong(2, offset);
            byte[] chunk;
            try (ResultSet rows = read.executeQuery()) {
                rows.next();
                chunk = rows.getBytes(1);
            }
            if (chunk.length > 0) {
                out.statement("SELECT pg_catalog.lo_put(" + oid + ", " + offset + ", '\\x" + hex.formatHex(chunk)
                        + "')");
            }
            if (chunk.length < CHUNK) {
                return;
            }
            offset += chunk.length;
        }
    }

    private static long single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String objects(long count) {
        return count + (count == 1 ? " large object" : " large objects");
    }
}
