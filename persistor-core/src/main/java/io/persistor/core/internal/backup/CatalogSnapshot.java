package io.persistor.core.internal.backup;

import io.persistor.PersistorException;
import io.persistor.core.internal.catalog.CatalogReaders;
import io.persistor.model.Catalog;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Reads a database's catalog in one read-only snapshot, with the checks a backup makes first. */
public final class CatalogSnapshot {

    private CatalogSnapshot() {
    }

    /**
     * Reads the catalog of some schemas.
     *
     * @param dataSource the database
     * @param schemas    the schemas; each must exist and be usable by the role
     * @return the catalog
     * @throws PersistorException when the server is too old, a schema is missing or reading fails
     */
    public static Catalog read(DataSource dataSource, List<String> schemas) {
        try (SnapshotSession session = SnapshotSession.open(dataSource, false)) {
            ServerInfo server = ServerInfo.of(session.connection());
            server.requireSchemas(schemas);
            return CatalogReaders.forServer(server.version(), server.versionNum()).read(session.connection(), schemas);
        } catch (SQLException e) {
            throw new PersistorException("Cannot read the catalog: " + e.getMessage(), e.getSQLState(), e);
        }
    }
}
