/**
 * Reads PostgreSQL's catalog into the {@code io.persistor.model} types. Each query lives in a {@code .sql}
 * resource beside this package, with the server versions it serves noted at its top.
 */
package io.persistor.core.internal.catalog;
