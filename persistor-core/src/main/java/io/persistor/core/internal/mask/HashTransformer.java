package io.persistor.core.internal.mask;

import io.persistor.spi.ColumnTransformer;
import io.persistor.spi.MaskingKey;
import java.util.HexFormat;

/** A value replaced by 32 hexadecimal digits of its keyed hash. */
final class HashTransformer implements ColumnTransformer {

    private final MaskingKey key;

    HashTransformer(MaskingKey key) {
        this.key = key;
    }

    @Override
    public String transform(String value, String rowKey) {
        return value == null ? null : HexFormat.of().formatHex(key.hash("hash", value), 0, 16);
    }

    @Override
    public boolean keepsDistinct() {
        return true;
    }
}
