package io.persistor.core.internal.catalog;

import io.persistor.PersistorException;
import io.persistor.spi.CatalogReader;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Chooses, among the {@link CatalogReader}s found with {@link ServiceLoader}, the one for a server. */
public final class CatalogReaders {

    private CatalogReaders() {
    }

    /**
     * The highest-priority reader that supports the server.
     *
     * @param serverVersion    the server's version, for messages
     * @param serverVersionNum the server's {@code server_version_num}
     * @return the reader
     * @throws PersistorException when none supports the server, or two tie
     */
    public static CatalogReader forServer(String serverVersion, int serverVersionNum) {
        List<CatalogReader> candidates = ServiceLoader.load(CatalogReader.class, CatalogReaders.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get)
                .filter(reader -> reader.supports(serverVersionNum))
                .sorted(Comparator.comparingInt(CatalogReader::priority).reversed())
                .collect(Collectors.toList());
        if (candidates.isEmpty()) {
            throw new PersistorException("PostgreSQL " + serverVersion + " is not supported: Persistor reads "
                    + "PostgreSQL 13 and later. Upgrade the server, or add a CatalogReader for it to the class path.");
        }
        if (candidates.size() > 1 && candidates.get(0).priority() == candidates.get(1).priority()) {
            throw new PersistorException("Two catalog readers support PostgreSQL " + serverVersion + " with priority "
                    + candidates.get(0).priority() + ": " + candidates.get(0).getClass().getName() + " and "
                    + candidates.get(1).getClass().getName() + ". Remove one or give one a higher priority().");
        }
        return candidates.get(0);
    }
}
