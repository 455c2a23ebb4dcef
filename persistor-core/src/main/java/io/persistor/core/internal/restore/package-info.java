/**
 * Restore: a streaming parser that splits a script into statements and {@code COPY} data, and the runner that
 * executes them over JDBC (COPY data through pgjdbc's {@code CopyManager}) in one transaction.
 */
package io.persistor.core.internal.restore;
