package io.persistor.spring.boot.target;

import io.persistor.Backup;
import io.persistor.BackupResult;
import io.persistor.Persistor;
import io.persistor.PersistorException;
import io.persistor.Retention;
import io.persistor.s3.S3InputSource;
import io.persistor.s3.S3Location;
import io.persistor.s3.S3OutputSink;
import io.persistor.s3.S3Retention;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Publishes backups as objects under a prefix of a bucket, in multipart uploads that publish only complete backups,
 * as the command-line tool does.
 */
public final class S3Target implements BackupTarget {

    private final S3Client client;
    private final S3Location prefix;

    /**
     * @param client the client; the caller closes it
     * @param prefix where the objects go: {@code s3://bucket/prefix/}
     * @throws IllegalArgumentException when the location names an object rather than a prefix ending in {@code /}
     */
    public S3Target(S3Client client, S3Location prefix) {
        if (!prefix.isPrefix()) {
            throw new IllegalArgumentException(prefix + " names an object; persistor.output needs a prefix ending in /");
        }
        this.client = client;
        this.prefix = prefix;
    }

    @Override
    public String location() {
        return prefix.toString();
    }

    @Override
    public String locationOf(String name) {
        return prefix.resolve(name).toString();
    }

    @Override
    public boolean contains(String name) {
        try {
            return new S3InputSource(client, prefix.resolve(name)).exists();
        } catch (IOException e) {
            throw new PersistorException(e.getMessage(), null, e);
        }
    }

    @Override
    public BackupResult write(Backup backup, String name) {
        return backup.to(new S3OutputSink(client, prefix.resolve(name)));
    }

    @Override
    public List<String> prune(String name, Retention retention, String database, LocalDateTime now) {
        S3Location fresh = prefix.resolve(name);
        return S3Retention.prune(client, fresh, Persistor.verify(new S3InputSource(client, fresh), null), retention,
                database, now).stream().map(S3Location::toString).toList();
    }

    @Override
    public List<StoredBackup> list() {
        try {
            return client.listObjectsV2Paginator(b -> b.bucket(prefix.bucket()).prefix(prefix.key()).delimiter("/"))
                    .contents().stream()
                    .map(object -> new StoredBackup(object.key().substring(prefix.key().length()), object.size(),
                            object.lastModified()))
                    .sorted(Comparator.comparing(StoredBackup::modified).reversed().thenComparing(StoredBackup::name))
                    .toList();
        } catch (SdkException e) {
            throw new PersistorException("Cannot list the backups under " + prefix + ": " + e.getMessage(), null, e);
        }
    }
}
