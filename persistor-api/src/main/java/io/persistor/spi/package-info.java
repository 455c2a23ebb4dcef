/**
 * The interfaces that providers implement, each found with {@link java.util.ServiceLoader}:
 * {@link io.persistor.spi.PersistorProvider} does the work behind the entry points and
 * {@link io.persistor.spi.CatalogReader} reads a server's catalog into the {@code io.persistor.model} types;
 * {@link io.persistor.spi.ColumnTransformerProvider} makes the transformers that masks name. Users of the fluent
 * API need this package only for sources and sinks of their own ({@link io.persistor.spi.InputSource},
 * {@link io.persistor.spi.OutputSink}) and transformers of their own.
 */
package io.persistor.spi;
