package io.persistor.core.internal.backup;

import io.persistor.PersistorException;
import io.persistor.core.internal.script.SqlQuote;
import io.persistor.model.Catalog;
import io.persistor.model.Column;
import io.persistor.model.QualifiedName;
import io.persistor.model.Sequence;
import io.persistor.model.Table;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Checks, before anything is written, that the backup role may read every table and sequence of the selection,
 * and that row-level security does not hide rows from it (unless the plan accepts that); then locks the tables
 * for the rest of the transaction in {@code ACCESS SHARE} mode, as pg_dump does, so their definitions cannot
 * change while they wait to be read. Writers are not blocked; {@code ALTER TABLE} and {@code DROP} wait.
 *
 * <p>The tables a backup takes by their names, or by the names of the tables they are partitions of, are locked
 * before the catalog is read, as pg_dump locks its tables as it lists them; any others the selection takes once it
 * is known. A table emptied by {@code TRUNCATE} or rewritten by {@code ALTER TABLE} and committed between the
 * snapshot and its lock would look empty to the backup's older snapshot (neither is MVCC-safe). Once locked, each table's storage as the snapshot saw it is
 * compared with its storage now, and a backup that would have lost rows that way fails, naming the tables.
 */
final class ReadAccess {

    private static final String QUERY = """
            SELECT n.nspname, c.relname, pg_catalog.has_table_privilege(c.oid, 'SELECT'),
                   c.relkind IN ('r', 'p') AND pg_catalog.row_security_active(c.oid)
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'S') AND n.nspname = ANY (?)
            """;

    /**
     * The tables of some schemas the role may read, those {@link #lockEarly} chooses from, each with the schemas and
     * names of the tables it is a partition of, its parent first.
     */
    private static final String READABLE_TABLES = """
            SELECT n.nspname, c.relname, coalesce(up.schemas, '{}'), coalesce(up.names, '{}')
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN LATERAL (
                SELECT pg_catalog.array_agg(an.nspname ORDER BY a.i) AS schemas,
                       pg_catalog.array_agg(ac.relname ORDER BY a.i) AS names
                FROM pg_catalog.pg_partition_ancestors(c.oid) WITH ORDINALITY AS a(relid, i)
                JOIN pg_catalog.pg_class ac ON ac.oid = a.relid
                JOIN pg_catalog.pg_namespace an ON an.oid = ac.relnamespace
                WHERE c.relispartition AND a.relid <> c.oid) up ON true
            WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?) AND pg_catalog.has_table_privilege(c.oid, 'SELECT')
            """;

    /** Tables whose storage (relfilenode) changed since the snapshot: emptied or rewritten after it was taken. */
    private static final String CHANGED_STORAGE = """
            SELECT n.nspname, c.relname
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND n.nspname = ANY (?)
              AND c.relfilenode <> pg_catalog.pg_relation_filenode(c.oid)
            """;

    private ReadAccess() {
    }

    /**
     * Takes {@code ACCESS SHARE} locks, before the catalog is read, on the tables of these schemas that the role may
     * read and that the plan takes by their names or by the names of the tables they are partitions of (all of
     * them in these schemas).
     *
     * @param taken whether the plan takes a table, given it followed by the tables it is a partition of, its
     *              parent first ({@link BackupSelection#takenByName})
     * @return the tables locked
     */
    static Set<QualifiedName> lockEarly(Connection connection, List<String> schemas,
                                        Predicate<List<QualifiedName>> taken) throws SQLException {
        Set<QualifiedName> tables = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(READABLE_TABLES)) {
            statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<QualifiedName> chain = new ArrayList<>();
                    chain.add(new QualifiedName(rows.getString(1), rows.getString(2)));
                    String[] ancestorSchemas = (String[]) rows.getArray(3).getArray();
                    String[] ancestorNames = (String[]) rows.getArray(4).getArray();
                    for (int i = 0; i < ancestorNames.length; i++) {
                        chain.add(new QualifiedName(ancestorSchemas[i], ancestorNames[i]));
                    }
                    if (chain.stream().allMatch(table -> schemas.contains(table.schema())) && taken.test(chain)) {
                        tables.add(chain.get(0));
                    }
                }
            }
        }
        lockTables(connection, tables);
        return tables;
    }

    /**
     * Takes {@code ACCESS SHARE} locks on the tables of the selection not locked yet, in one statement, then makes
     * sure none of the selection's tables was emptied or rewritten since the snapshot.
     */
    static void lock(Connection connection, Catalog selection, Set<QualifiedName> locked) throws SQLException {
        lockTables(connection, selection.tables().stream().map(Table::name).filter(name -> !locked.contains(name))
                .toList());
        if (!selection.tables().isEmpty()) {
            requireUnchangedStorage(connection, selection);
        }
    }

    private static void lockTables(Connection connection, Collection<QualifiedName> tables) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + tables.stream().map(SqlQuote::qualified).collect(Collectors.joining(", "))
                    + " IN ACCESS SHARE MODE");
        }
    }

    /**
     * Fails when a table of the selection was emptied or rewritten after the snapshot: the catalog as the snapshot
     * sees it names other storage than the table has now, and the snapshot would read none of the new rows.
     */
    private static void requireUnchangedStorage(Connection connection, Catalog selection) throws SQLException {
        Set<QualifiedName> selected = selection.tables().stream().map(Table::name).collect(Collectors.toSet());
        List<String> changed = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CHANGED_STORAGE)) {
            statement.setArray(1, selectedSchemas(connection, selection));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    QualifiedName name = new QualifiedName(rows.getString(1), rows.getString(2));
                    if (selected.contains(name)) {
                        changed.add(SqlQuote.qualified(name));
                    }
                }
            }
        }
        if (!changed.isEmpty()) {
            throw new PersistorException((changed.size() == 1 ? "Table " : "Tables ") + String.join(", ", changed)
                    + (changed.size() == 1 ? " was" : " were") + " emptied or rewritten (TRUNCATE, a rewriting "
                    + "ALTER TABLE, VACUUM FULL or CLUSTER) after the backup's snapshot was taken and before it was "
                    + "locked; its rows are not visible to that snapshot, so nothing was written. Run the backup "
                    + "again.", "40001", null);
        }
    }

    /**
     * @return notes for the header: the tables whose rows row-level security limited, when the plan accepts that
     */
    static List<String> check(Connection connection, Catalog selection, boolean acceptRowSecurity) throws SQLException {
        Set<QualifiedName> unreadable = new HashSet<>();
        Set<QualifiedName> filtered = new HashSet<>();
        Array schemas = selectedSchemas(connection, selection);
        try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setArray(1, schemas);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    QualifiedName name = new QualifiedName(rows.getString(1), rows.getString(2));
                    if (!rows.getBoolean(3)) {
                        unreadable.add(name);
                    }
                    if (rows.getBoolean(4)) {
                        filtered.add(name);
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> limited = new ArrayList<>();
        for (Table table : selection.tables()) {
            if (!table.partitioned() && unreadable.contains(table.name())) {
                missing.add("table " + SqlQuote.qualified(table.name()));
            }
            if (filtered.contains(table.name())) {
                limited.add(SqlQuote.qualified(table.name()));
            }
            for (Column column : table.columns()) {
                if (column.identity() != null && column.identity().sequence() != null
                        && column.identity().sequence().state() == null) {
                    missing.add("sequence " + SqlQuote.qualified(column.identity().sequence().name()));
                }
            }
        }
        for (Sequence sequence : selection.sequences()) {
            if (sequence.state() == null) {
                missing.add("sequence " + SqlQuote.qualified(sequence.name()));
            }
        }
        if (!missing.isEmpty()) {
            throw new PersistorException("The backup role lacks SELECT on " + String.join(", ", missing)
                    + ". Grant it (GRANT SELECT ON ... TO the role) or leave those out with excludeTables(...) "
                    + "(--exclude-table in the CLI).",
                    "42501", null);
        }
        if (!limited.isEmpty() && !acceptRowSecurity) {
            throw new PersistorException("Row-level security applies to " + String.join(", ", limited)
                    + " for the backup role, so its policies may hide rows and the backup could be incomplete. Back up "
                    + "as the tables' owner or a role with BYPASSRLS, exclude those tables, or accept the rows the "
                    + "policies show with enableRowSecurity() (--enable-row-security in the CLI).",
                    "42501", null);
        }
        List<String> notes = new ArrayList<>();
        for (String table : limited) {
            notes.add("Row-level security limited table " + table + " to the rows the backup role may see.");
        }
        return notes;
    }

    /** The selection's schema names, as the {@code text[]} parameter of the queries above. */
    private static Array selectedSchemas(Connection connection, Catalog selection) throws SQLException {
        return connection.createArrayOf("text", selection.schemas().stream().map(s -> s.name()).toArray());
    }
}
