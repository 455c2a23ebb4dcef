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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
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
    private final ExecutorService runner;
    private Started ahead;

    /**
     * @param order the resources in the order {@link #list} will be asked for them; the first starts at once
     */
    CatalogQueries(Connection connection, List<String> schemas, int serverVersionNum, List<String> order)
            throws SQLException {
        this.connection = connection;
        this.schemas = connection.createArrayOf("text", schemas.toArray());
        this.serverVersionNum = serverVersionNum;
        this.order = List.copyOf(order);
        this.runner = Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, "persistor-catalog-reader");
            thread.setDaemon(true);
            return thread;
        });
        startAhead(0);
    }

    <T> List<T> list(String resource, RowMapper<T> mapper) throws SQLException {
        try (Started query = take(resource)) {
            ResultSet rows = query.rows();
            int position = order.indexOf(resource);
            if (position >= 0) {
                startAhead(position + 1);
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
        try (Started pending = ahead) {
            if (pending != null) {
                pending.rows();
            }
        } catch (SQLException | RuntimeException e) {
            // nobody asked for this query's rows; the failure that closes the reading early is what counts
        } finally {
            ahead = null;
            runner.shutdown();
        }
    }

    /** The query running ahead if it is this one, or this one run now. */
    private Started take(String resource) throws SQLException {
        if (ahead != null && ahead.resource().equals(resource)) {
            Started taken = ahead;
            ahead = null;
            return taken;
        }
        PreparedStatement statement = prepare(resource);
        try {
            return new Started(resource, statement, CompletableFuture.completedFuture(statement.executeQuery()));
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /**
     * Starts the query at this place of the order on the background thread, unless one runs ahead already. Only
     * its execution runs there: the statement is prepared, read and closed on the caller's thread, as a pool's
     * connection wrapper that tracks its statements expects. A query that cannot even be prepared is left to run,
     * and fail, when it is asked for.
     */
    private void startAhead(int index) {
        if (ahead == null && index < order.size()) {
            String resource = order.get(index);
            try {
                PreparedStatement statement = prepare(resource);
                Callable<ResultSet> execution = statement::executeQuery;
                ahead = new Started(resource, statement, runner.submit(execution));
            } catch (SQLException | RuntimeException e) {
                // run, and reported, when asked for
            }
        }
    }

    private PreparedStatement prepare(String resource) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(
                VersionedExpression.resolve(text(resource), serverVersionNum));
        try {
            statement.setArray(1, schemas);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
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

    /** A catalog query's statement and its rows, which may still be on their way from the server. */
    private record Started(String resource, PreparedStatement statement, Future<ResultSet> result)
            implements AutoCloseable {

        ResultSet rows() throws SQLException {
            try {
                return result.get();
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

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}
