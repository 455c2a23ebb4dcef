/**
 * The PostgreSQL provider of the Persistor SPI. {@link io.persistor.core.PostgresProvider} is the only public
 * class; everything under {@code io.persistor.core.internal} may change without notice.
 */
package io.persistor.core;
