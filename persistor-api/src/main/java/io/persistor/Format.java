package io.persistor;

/** How the data section of a backup is written. */
public enum Format {

    /**
     * Multi-row {@code INSERT} statements: plain SQL that any client runs, psql or a JDBC statement at a time.
     * The original tool's format and the default.
     */
    INSERTS,

    /**
     * {@code COPY ... FROM stdin} blocks, as pg_dump writes them: smaller and faster to write and to load, but
     * only psql and {@code Persistor.restore} run them.
     */
    COPY
}
