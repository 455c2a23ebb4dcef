package io.persistor.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The query run ahead of the one being mapped: its rows are the same as when run on demand, its failure is reported
 * when it is asked for and under its own name, and closing waits for it so the session is free again.
 */
@ExtendWith(FreshDatabase.class)
class CatalogQueriesIT {

    private static final CatalogQueries.RowMapper<String> SCHEMA_NAME = row -> row.getString("schema_name");

    @Test
    void givesTheSameRowsWhetherAQueryRanAheadOrIsAskedForOutOfOrder(TestDatabase database) throws Exception {
        database.execute("CREATE SCHEMA a", "CREATE SCHEMA b", "CREATE SEQUENCE a.s", "CREATE SEQUENCE b.s");
        CatalogQueries.RowMapper<String> sequenceName = row -> row.getString("schema_name") + "."
                + row.getString("sequence_name");
        try (Connection connection = database.superuserDataSource().getConnection()) {
            List<String> inOrder;
            List<String> outOfOrder;
            try (CatalogQueries queries = queries(database, connection, "schemas.sql", "sequences.sql")) {
                inOrder = List.of(queries.list("schemas.sql", SCHEMA_NAME).toString(),
                        queries.list("sequences.sql", sequenceName).toString());
            }
            try (CatalogQueries queries = queries(database, connection, "schemas.sql", "sequences.sql")) {
                String sequences = queries.list("sequences.sql", sequenceName).toString();
                outOfOrder = List.of(queries.list("schemas.sql", SCHEMA_NAME).toString(), sequences);
            }
            assertThat(inOrder).containsExactly("[public, a, b]", "[a.s, b.s]");
            assertThat(outOfOrder).isEqualTo(inOrder);
        }
    }

    @Test
    void aFailureAheadIsReportedWhenThatQueryIsAskedFor(TestDatabase database) throws Exception {
        try (Connection connection = database.superuserDataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (CatalogQueries queries = queries(database, connection, "schemas.sql", "failing-query.sql")) {
                assertThat(queries.list("schemas.sql", SCHEMA_NAME)).containsExactly("public");
                assertThatThrownBy(() -> queries.list("failing-query.sql", row -> row.getInt("never")))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("Catalog query failing-query.sql failed")
                        .hasMessageContaining("division by zero");
            }
            connection.rollback();
        }
    }

    @Test
    void closingWaitsForTheQueryRunningAhead(TestDatabase database) throws Exception {
        try (Connection connection = database.superuserDataSource().getConnection()) {
            int pid = pid(connection);
            try (CatalogQueries queries = queries(database, connection, "schemas.sql", "slow-query.sql")) {
                assertThat(queries.list("schemas.sql", SCHEMA_NAME)).containsExactly("public");
            }
            try (Connection other = database.superuserDataSource().getConnection();
                 PreparedStatement state = other.prepareStatement(
                         "SELECT state, query FROM pg_catalog.pg_stat_activity WHERE pid = ?")) {
                state.setInt(1, pid);
                try (ResultSet row = state.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("query")).contains("pg_sleep");
                    assertThat(row.getString("state")).isEqualTo("idle");
                }
            }
        }
    }

    private static CatalogQueries queries(TestDatabase database, Connection connection, String... order)
            throws SQLException {
        return new CatalogQueries(connection, List.of("public", "a", "b"), database.server().major() * 10000,
                List.of(order));
    }

    private static int pid(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_catalog.pg_backend_pid()");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
