package io.persistor.core.internal.backup;

import io.persistor.model.QualifiedName;
import io.persistor.model.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A foreign key from columns of a child table to columns of its parent, as the catalog names them; what subsets
 * follow and masks spread along.
 *
 * @param child      the referencing table
 * @param parent     the referenced table
 * @param columns    the child's columns, in the key's order
 * @param referenced the parent's columns they match, in the same order
 */
record ForeignKey(QualifiedName child, QualifiedName parent, List<String> columns, List<String> referenced) {

    private static final String QUERY = "SELECT cn.nspname, cr.relname, pn.nspname, pr.relname, "
            + "ARRAY(SELECT a.attname FROM pg_catalog.unnest(c.conkey) WITH ORDINALITY k(n, i) "
            + "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i)::text[], "
            + "ARRAY(SELECT a.attname FROM pg_catalog.unnest(c.confkey) WITH ORDINALITY k(n, i) "
            + "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] "
            + "FROM pg_catalog.pg_constraint c "
            + "JOIN pg_catalog.pg_class cr ON cr.oid = c.conrelid JOIN pg_catalog.pg_namespace cn ON cn.oid = cr.relnamespace "
            + "JOIN pg_catalog.pg_class pr ON pr.oid = c.confrelid JOIN pg_catalog.pg_namespace pn ON pn.oid = pr.relnamespace "
            // A partitioned table's key is also copied to each partition, and a key to a partitioned table points
            // at each partition too: only the declared one counts.
            + "WHERE c.contype = 'f' AND c.conparentid = 0 ORDER BY c.conname, c.oid";

    /**
     * Reads the foreign keys between tables a backup writes, in its snapshot.
     *
     * @param connection a connection in the backup's snapshot
     * @param tables     the tables the backup writes, by name
     * @return the keys whose two ends are both among them
     * @throws SQLException when the catalog cannot be read
     */
    static List<ForeignKey> among(Connection connection, Map<QualifiedName, Table> tables) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(QUERY)) {
            while (rows.next()) {
                QualifiedName child = new QualifiedName(rows.getString(1), rows.getString(2));
                QualifiedName parent = new QualifiedName(rows.getString(3), rows.getString(4));
                if (tables.containsKey(child) && tables.containsKey(parent)) {
                    keys.add(new ForeignKey(child, parent, Arrays.asList((String[]) rows.getArray(5).getArray()),
                            Arrays.asList((String[]) rows.getArray(6).getArray())));
                }
            }
        }
        return keys;
    }
}
