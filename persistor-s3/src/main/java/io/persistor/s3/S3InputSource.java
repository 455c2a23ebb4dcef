package io.persistor.s3;

import io.persistor.spi.InputSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A backup read from an object in an S3-compatible bucket, for {@code Persistor.restore(...).from(source)} and
 * {@code Persistor.verify(source, ...)}: each pass is one {@code GetObject} streamed as it is read, and the closing
 * marker is read with a ranged request for the object's last bytes. Nothing is copied to disk.
 */
public final class S3InputSource implements InputSource {

    private final S3Client client;
    private final S3Location location;

    /**
     * @param client   the client, with its credentials, region and endpoint
     * @param location the object to read
     */
    public S3InputSource(S3Client client, S3Location location) {
        this.client = Objects.requireNonNull(client, "client");
        this.location = Objects.requireNonNull(location, "location");
        if (location.isPrefix()) {
            throw new IllegalArgumentException("Cannot read a backup from " + location + ": it names a prefix, not "
                    + "an object");
        }
    }

    @Override
    public InputStream open() throws IOException {
        return get(GetObjectRequest.builder().bucket(location.bucket()).key(location.key()).build());
    }

    @Override
    public InputStream openTail(int length) throws IOException {
        return get(GetObjectRequest.builder().bucket(location.bucket()).key(location.key())
                .range("bytes=-" + length).build());
    }

    @Override
    public String name() {
        return location.toString();
    }

    /**
     * Whether the object is there, asked with one {@code HeadObject} request.
     *
     * @return whether the bucket holds an object under the location's key
     * @throws IOException when the server cannot be asked
     */
    public boolean exists() throws IOException {
        try {
            client.headObject(b -> b.bucket(location.bucket()).key(location.key()));
            return true;
        } catch (SdkException e) {
            if (e instanceof NoSuchKeyException || e instanceof S3Exception answer && answer.statusCode() == 404) {
                return false;
            }
            throw new IOException("Cannot check whether " + location + " exists: " + e.getMessage(), e);
        }
    }

    private InputStream get(GetObjectRequest request) throws IOException {
        try {
            ResponseInputStream<GetObjectResponse> response = client.getObject(request);
            return new FilterInputStream(response) {
                private boolean ended;

                @Override
                public int read() throws IOException {
                    return ended(super.read());
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    return ended(super.read(bytes, offset, length));
                }

                private int ended(int read) {
                    ended |= read < 0;
                    return read;
                }

                // A pass that stops early (a header read) drops the connection rather than reading the rest.
                @Override
                public void close() throws IOException {
                    if (!ended) {
                        response.abort();
                    }
                    super.close();
                }
            };
        } catch (NoSuchKeyException e) {
            throw new IOException("no such object", e);
        } catch (SdkException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
