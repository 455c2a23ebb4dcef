package io.persistor.spi;

import java.util.List;
import java.util.Optional;

/**
 * Makes the {@link ColumnTransformer}s that {@link io.persistor.Mask}s name, found through
 * {@code META-INF/services/io.persistor.spi.ColumnTransformerProvider}; Persistor's own provider supplies
 * {@link io.persistor.Masks}' names. A provider answers for the names it knows and leaves the others.
 */
public interface ColumnTransformerProvider {

    /**
     * Makes a transformer.
     *
     * @param name      the mask's transformer name
     * @param arguments the mask's arguments
     * @param key       the backup's masking key, for keyed hashes
     * @return the transformer, or empty when this provider does not know the name
     * @throws IllegalArgumentException when it knows the name but the arguments are wrong
     */
    Optional<ColumnTransformer> create(String name, List<String> arguments, MaskingKey key);
}
