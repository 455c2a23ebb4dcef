/** Runs a backup: the snapshot session, the choice of objects, the script's sections and the publishing. */
package io.persistor.core.internal.backup;
