/**
 * The interfaces that providers implement, each found with {@link java.util.ServiceLoader}:
 * {@link io.persistor.spi.PersistorProvider} does the work behind the entry points and
 * {@link io.persistor.spi.CatalogReader} reads a server's catalog into the {@code io.persistor.model} types.
 * Users of the fluent API never need this package.
 */
package io.persistor.spi;
