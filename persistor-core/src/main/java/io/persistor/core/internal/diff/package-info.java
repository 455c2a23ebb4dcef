/**
 * Schema comparison: each side's catalog reduced to {@link io.persistor.core.internal.diff.Described} objects with
 * normalised properties, compared by key, and the migration that closes the differences.
 */
package io.persistor.core.internal.diff;
