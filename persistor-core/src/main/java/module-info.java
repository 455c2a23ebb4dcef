/** The PostgreSQL provider of Persistor. Only the provider is exported; the {@code internal} packages are not. */
module io.persistor.core {
    requires io.persistor.api;
    requires org.postgresql.jdbc;
    requires org.slf4j;
    requires com.github.luben.zstd_jni;
    requires org.bouncycastle.pg;
    requires org.bouncycastle.provider;

    exports io.persistor.core;

    uses io.persistor.spi.CatalogReader;
    uses io.persistor.spi.TypeRenderer;

    provides io.persistor.spi.PersistorProvider with io.persistor.core.PostgresProvider;
    provides io.persistor.spi.CatalogReader with io.persistor.core.internal.catalog.PostgresCatalogReader;
}
