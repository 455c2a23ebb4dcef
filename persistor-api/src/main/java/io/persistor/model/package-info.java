/**
 * The immutable catalog model: what a {@link io.persistor.spi.CatalogReader} reads from a server and what
 * the script is generated from. Definitions that PostgreSQL renders itself (types, defaults, constraint and
 * index definitions) are kept as the server's text, schema-qualified.
 */
package io.persistor.model;
