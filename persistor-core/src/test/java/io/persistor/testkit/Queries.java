package io.persistor.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Plain JDBC queries for the tests' independent checks of what a database holds. */
public final class Queries {

    private Queries() {
    }

    /**
     * The first column of a query's rows, as text.
     *
     * @param data where to run it
     * @param sql  the query
     * @return the values, in the query's order
     * @throws SQLException when it fails
     */
    public static List<String> column(DataSource data, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
