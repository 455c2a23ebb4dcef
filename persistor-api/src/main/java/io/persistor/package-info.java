/**
 * Persistor's entry points: {@link io.persistor.Persistor#backup(javax.sql.DataSource)} and the result
 * and exception types users handle. The catalog model lives in {@code io.persistor.model}, the interfaces
 * that providers implement in {@code io.persistor.spi}.
 */
package io.persistor;
