package io.persistor.spi;

import io.persistor.Mask;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which columns a backup masks, as the builder hands them to a provider.
 *
 * @param masks each column's mask, the column named {@code schema.table.column} (or {@code table.column} when the
 *              table is in exactly one of the backup's schemas)
 * @param key   the masking key's bytes, or {@code null} for a random key of this backup's own
 */
public record MaskPlan(Map<String, Mask> masks, byte[] key) {

    /** No column masked. */
    public static final MaskPlan NONE = new MaskPlan(Map.of(), null);

    /** Copies the map, keeping its order, and the key. */
    public MaskPlan {
        masks = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(masks, "masks")));
        key = key == null ? null : key.clone();
    }

    /** @return the key's bytes (a copy), or {@code null} */
    @Override
    public byte[] key() {
        return key == null ? null : key.clone();
    }

    /**
     * Whether this masks nothing.
     *
     * @return {@code true} when no column has a mask
     */
    public boolean isEmpty() {
        return masks.isEmpty();
    }
}
