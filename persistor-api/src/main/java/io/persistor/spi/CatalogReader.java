package io.persistor.spi;

import io.persistor.model.Catalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads a server's catalog into the immutable model. Register an implementation in
 * {@code META-INF/services/io.persistor.spi.CatalogReader}; the provider picks, among those that
 * {@linkplain #supports(int) support} the server, the one with the highest {@link #priority()}.
 */
public interface CatalogReader {

    /**
     * Whether this reader understands a server of this version.
     *
     * @param serverVersionNum the server's {@code server_version_num}, for example {@code 170002}
     * @return {@code true} if {@link #read} may be called for it
     */
    boolean supports(int serverVersionNum);

    /**
     * Ranks this reader against others that support the same server.
     *
     * @return larger wins; the bundled PostgreSQL reader answers 0
     */
    int priority();

    /**
     * Reads the objects of the given schemas. The caller owns the connection and its transaction, so every
     * query sees the same snapshot; the reader must not commit, roll back or close it.
     *
     * @param connection an open connection inside the caller's transaction
     * @param schemas    the schemas to read, as the catalog names them; each must exist
     * @return the catalog of those schemas
     * @throws SQLException when a catalog query fails
     */
    Catalog read(Connection connection, List<String> schemas) throws SQLException;
}
