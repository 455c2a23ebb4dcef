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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the catalog queries kept as {@code .sql} resources beside this class, each filtered by schema names and
 * adapted to the server's version (see {@link VersionedExpression}).
 *
 * <p>The caller names the order in which it will ask for the queries. While it turns one query's rows into model
 * objects, the next query of that order already runs on the server from a background thread, so the server's time
 * and the client's overlap. Only one query runs ahead, so at most two results are held at once; the driver lets one
 * thread at a time use the connection. A query asked for out of order simply runs when asked.
 */
final class CatalogQueries implements AutoCloseable {

    /** Turns the current row into a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final Array schemas;
    private final int serverVersionNum;
    private final List<String> order;
    private final ExecutorService ahead;
    private String aheadResource;
    private Future<ResultSet> aheadRows;

    /**
     * @param order the resources in the order {@link #list} will be asked for them; the first starts at once
     */
    CatalogQueries(Connection connection, List<String> schemas, int serverVersionNum, List<String> order)
            throws SQLException {
        this.connection = connection;
        this.schemas = connection.createArrayOf("text", schemas.toArray());
        this.serverVersionNum = serverVersionNum;
        this.order = List.copyOf(order);
        this.ahead = Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, "persistor-catalog-reader");
            thread.setDaemon(true);
            return thread;
        });
        fetchAhead(0);
    }

    <T> List<T> list(String resource, RowMapper<T> mapper) throws SQLException {
        try (ResultSet rows = rows(resource)) {
            int position = order.indexOf(resource);
            if (position >= 0) {
                fetchAhead(position + 1);
            }
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new SQLException("Catalog query " + resource + " failed: " + e.getMessage(), e.getSQLState(), e);
        }
    }

    /** Waits for a query still running ahead, so the connection is free again, and stops the background thread. */
    @Override
    public void close() {
        try {
            if (aheadRows != null) {
                try (ResultSet unused = await(aheadRows)) {
                    aheadRows = null;
                } catch (SQLException | RuntimeException e) {
                    // nobody asked for this query's rows; the failure that closes the reading early is what counts
                }
            }
        } finally {
            ahead.shutdown();
        }
    }

    private ResultSet rows(String resource) throws SQLException {
        if (resource.equals(aheadResource)) {
            Future<ResultSet> fetched = aheadRows;
            aheadResource = null;
            aheadRows = null;
            return await(fetched);
        }
        return execute(resource);
    }

    private void fetchAhead(int index) {
        if (index < order.size() && aheadRows == null) {
            String resource = order.get(index);
            aheadResource = resource;
            aheadRows = ahead.submit(() -> execute(resource));
        }
    }

    /** Runs a query; its statement closes with the rows. */
    private ResultSet execute(String resource) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(
                VersionedExpression.resolve(text(resource), serverVersionNum));
        try {
            statement.setArray(1, schemas);
            statement.closeOnCompletion();
            return statement.executeQuery();
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static ResultSet await(Future<ResultSet> rows) throws SQLException {
        try {
            return rows.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("The catalog read was interrupted", "57014", e);
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
