package io.persistor.s3;

import io.persistor.BackupVerification;
import io.persistor.PersistorException;
import io.persistor.Retention;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Applies a {@link Retention} to a prefix of a bucket: deletes the database's older backups beside a new one, once
 * the new one verifies, and nothing else (only keys directly under the prefix, named as backups of that database).
 */
public final class S3Retention {

    private S3Retention() {
    }

    /**
     * Deletes, under the new backup's prefix, the database's backups that the retention does not keep.
     *
     * @param client       the client
     * @param fresh        the new backup
     * @param verification the new backup's verification, which must have found it intact
     * @param retention    what to keep
     * @param database     the database
     * @param now          the time ages are measured from
     * @return the deleted objects, oldest first
     * @throws PersistorException when the new backup did not verify (nothing is deleted then), or listing or
     *                            deleting fails
     */
    public static List<S3Location> prune(S3Client client, S3Location fresh, BackupVerification verification,
            Retention retention, String database, LocalDateTime now) {
        if (!verification.intact()) {
            throw new PersistorException("Nothing pruned: the new backup " + fresh + " does not verify: "
                    + String.join(" ", verification.problems()));
        }
        S3Location prefix = fresh.parent();
        List<String> names = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(prefix.bucket()).prefix(prefix.key())
                    .delimiter("/")).contents()) {
                names.add(object.key().substring(prefix.key().length()));
            }
            List<S3Location> deleted = new ArrayList<>();
            for (String name : retention.expired(names, database, fresh.name(), now)) {
                S3Location older = prefix.resolve(name);
                client.deleteObject(b -> b.bucket(older.bucket()).key(older.key()));
                deleted.add(older);
            }
            return deleted;
        } catch (SdkException e) {
            throw new PersistorException("Cannot prune older backups under " + prefix + ": " + e.getMessage(), null, e);
        }
    }
}
