/**
 * The data section: rows read with {@code COPY ... TO STDOUT} (which needs only {@code SELECT}) and written as
 * multi-row {@code INSERT} statements, streamed row by row.
 */
package io.persistor.core.internal.data;
