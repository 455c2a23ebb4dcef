package io.persistor;

/** How a backup file is compressed. A restore recognises each by its first bytes, whatever the file's name. */
public enum Compression {

    /** Plain SQL. */
    NONE,

    /** gzip, which every machine can read ({@code gunzip -c file | psql}); chosen by a name ending in {@code .gz}. */
    GZIP,

    /**
     * Zstandard: smaller than gzip and several times faster to write and read ({@code zstd -dc file | psql});
     * chosen by a name ending in {@code .zst}.
     */
    ZSTD
}
