/** Where a finished script is published: files appear under their final name only when complete. */
package io.persistor.core.internal.sink;
