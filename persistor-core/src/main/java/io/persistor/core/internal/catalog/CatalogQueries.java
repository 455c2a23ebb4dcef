package io.persistor.core.internal.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the catalog queries kept as {@code .sql} resources beside this class, each filtered by schema names and
 * adapted to the server's version (see {@link VersionedExpression}).
 */
final class CatalogQueries {

    /** Turns the current row into a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final Array schemas;
    private final int serverVersionNum;

    CatalogQueries(Connection connection, List<String> schemas, int serverVersionNum) throws SQLException {
        this.connection = connection;
        this.schemas = connection.createArrayOf("text", schemas.toArray());
        this.serverVersionNum = serverVersionNum;
    }

    <T> List<T> list(String resource, RowMapper<T> mapper) throws SQLException {
        String sql = VersionedExpression.resolve(text(resource), serverVersionNum);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, schemas);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            } catch (SQLException e) {
                throw new SQLException("Catalog query " + resource + " failed: " + e.getMessage(), e.getSQLState(), e);
            }
        }
    }

    private static String text(String resource) {
        try (InputStream in = CatalogQueries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Catalog query " + resource + " is missing from persistor-core");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
