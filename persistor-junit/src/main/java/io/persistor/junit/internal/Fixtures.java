package io.persistor.junit.internal;

import io.persistor.PersistorException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The database sources of one test run, one per server and seed, shared by every test class that declares the
 * same seed on the same server; closing it (at the end of the run) drops what they left over.
 */
public final class Fixtures implements AutoCloseable {

    private final Map<String, DatabaseSource> sources = new ConcurrentHashMap<>();

    /**
     * The source of a seed's databases on a server, made on first use: template clones when the role may create
     * databases, otherwise restores into the database the URL names.
     *
     * @param server the server, or {@code null} for the embedded one
     * @param seed   the seed
     * @param ready  how many clones to keep ready
     * @return the source
     */
    public DatabaseSource source(ServerAddress server, Seed seed, int ready) {
        ServerAddress address = server == null ? EmbeddedServer.address() : server;
        return sources.computeIfAbsent(address + " " + seed.hash(), key -> create(address, seed, ready));
    }

    @Override
    public void close() {
        sources.values().parallelStream().forEach(DatabaseSource::close);
        sources.clear();
    }

    private static DatabaseSource create(ServerAddress server, Seed seed, int ready) {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT r.rolcreatedb OR r.rolsuper, current_database()"
                     + " FROM pg_catalog.pg_roles r WHERE r.rolname = current_user")) {
            rows.next();
            return rows.getBoolean(1) ? new TemplateClones(server, seed, ready)
                    : new RestoredDatabase(server, seed, rows.getString(2));
        } catch (SQLException e) {
            throw new PersistorException("Cannot connect to " + server + ": " + e.getMessage(), e.getSQLState(),
                    e);
        }
    }
}
