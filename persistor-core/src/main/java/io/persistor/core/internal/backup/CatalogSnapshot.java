package io.persistor.core.internal.backup;

import io.persistor.PersistorException;
import io.persistor.core.internal.catalog.CatalogReaders;
import io.persistor.model.Catalog;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
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

    /**
     * Runs two catalog reads at once, the first on a thread of its own, so that two databases' servers and the
     * client work side by side. When both fail, the first's failure is thrown, as if they had run one after the
     * other; either way both have ended when this returns.
     *
     * @param first  the first read
     * @param second the second read, run on the caller's thread
     * @return the first's catalog and the second's
     */
    public static List<Catalog> readTogether(Supplier<Catalog> first, Supplier<Catalog> second) {
        FutureTask<Catalog> firstRead = new FutureTask<>(first::get);
        Thread thread = new Thread(firstRead, "persistor-catalog-snapshot");
        thread.setDaemon(true);
        thread.start();
        Catalog secondCatalog;
        try {
            secondCatalog = second.get();
        } catch (RuntimeException e) {
            await(firstRead);
            throw e;
        }
        return List.of(await(firstRead), secondCatalog);
    }

    private static Catalog await(FutureTask<Catalog> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistorException("Interrupted while reading the catalogs", "57014", e);
        }
    }
}
