package io.persistor.spi;

import io.persistor.Decryption;
import io.persistor.ObjectFilter;
import io.persistor.OnError;
import io.persistor.ProgressListener;
import javax.sql.DataSource;

/**
 * The validated, immutable options of one restore, as the builder hands them to a provider.
 *
 * @param dataSource          the target database; its role needs the privileges of the database's owner
 * @param singleTransaction   whether the whole script runs in one transaction, so a failure changes nothing
 * @param onError             what to do when a statement fails
 * @param cleanFirst          whether to drop the objects of the script's schemas that are in the way
 * @param requireClosingMarker whether a script without Persistor's closing marker is refused as truncated
 * @param progress            told as the restore advances; never {@code null}
 * @param decryption          what decrypts an encrypted script, or {@code null}
 * @param selection           which schemas, tables and table data to restore; {@link ObjectFilter#ALL} for all
 * @param jobs                how many connections load the data and build the indexes and keys, at least 1
 */
public record RestorePlan(DataSource dataSource, boolean singleTransaction, OnError onError, boolean cleanFirst,
                          boolean requireClosingMarker, ProgressListener progress, Decryption decryption,
                          ObjectFilter selection, int jobs) {
}
