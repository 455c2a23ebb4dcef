/** Persistor's public API: the fluent entry points, the catalog model and the SPI. */
module io.persistor.api {
    requires transitive java.sql;

    exports io.persistor;
    exports io.persistor.model;
    exports io.persistor.spi;

    uses io.persistor.spi.PersistorProvider;
}
