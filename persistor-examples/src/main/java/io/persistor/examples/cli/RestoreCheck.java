package io.persistor.examples.cli;

import io.persistor.PersistorException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The second half of {@code verify --restore-check}: counts each table's own rows in the database a backup was
 * restored into and names every table whose count differs from the manifest's.
 */
final class RestoreCheck {

    private RestoreCheck() {
    }

    /**
     * @param restored the database the backup was restored into
     * @param expected each table's rows by the manifest, keyed {@code schema.table}
     * @return one sentence per table whose count differs
     */
    static List<String> compare(DataSource restored, Map<String, Long> expected) {
        Map<String, Long> found = new HashMap<>();
        try (Connection connection = restored.getConnection(); Statement statement = connection.createStatement()) {
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT n.nspname, c.relname FROM pg_catalog.pg_class c "
                    + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') "
                    + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'")) {
                while (rows.next()) {
                    tables.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] table : tables) {
                String key = table[0] + "." + table[1];
                if (expected.containsKey(key)) {
                    try (ResultSet count = statement.executeQuery("SELECT count(*) FROM ONLY " + quote(table[0]) + "."
                            + quote(table[1]))) {
                        count.next();
                        found.put(key, count.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistorException("Cannot count the restored rows: " + e.getMessage(), e.getSQLState(), e);
        }
        List<String> problems = new ArrayList<>();
        expected.forEach((table, rows) -> {
            Long restoredRows = found.get(table);
            if (restoredRows == null) {
                problems.add("Table " + table + " is not in the restored database.");
            } else if (restoredRows.longValue() != rows.longValue()) {
                problems.add("Table " + table + " holds " + restoredRows + " rows once restored, but the manifest "
                        + "counts " + rows + ".");
            }
        });
        return problems;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
