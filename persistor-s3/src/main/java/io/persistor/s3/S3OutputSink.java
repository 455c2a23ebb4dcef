package io.persistor.s3;

import io.persistor.PersistorException;
import io.persistor.spi.OutputSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Streams a backup to an object in an S3-compatible bucket. The object appears only when the backup is complete
 * and checked: a small backup is one {@code PutObject}; a larger one is a multipart upload, completed on
 * {@link #commit()} and aborted on {@link #abort()}, so a failed backup never leaves an object, nor (when the
 * server can still be reached) an upload, behind. After completing, the object's size is read back and compared
 * with what was written.
 *
 * <p>Memory holds two parts: the one being filled and the one being uploaded. Parts start at the part size (16 MB
 * by default) and double after every 1,000 parts, up to 1 GB, so the 10,000 parts S3 allows reach 5 TB from the
 * default; a larger first part size lowers the number of requests and raises the memory used.
 */
public final class S3OutputSink implements OutputSink {

    /** The default size of the first parts, 16 MB. */
    public static final long DEFAULT_PART_SIZE = 16L << 20;

    /** The smallest part S3 accepts, 5 MB, except for the last. */
    static final long MIN_PART_SIZE = 5L << 20;

    /** The largest part held in memory, 1 GB. */
    static final long MAX_PART_SIZE = 1L << 30;

    /** Parts of one size before the size doubles. */
    static final int PARTS_PER_SIZE = 1000;

    /** The most parts S3 takes in one upload. */
    static final int MAX_PARTS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(S3OutputSink.class);

    private final S3Client client;
    private final S3Location location;
    private final long partSize;
    private final boolean overwrite;
    private PartStream stream;

    /**
     * A sink with 16 MB parts that refuses to replace an existing object.
     *
     * @param client   the client, with its credentials, region and endpoint
     * @param location the object to write
     */
    public S3OutputSink(S3Client client, S3Location location) {
        this(client, location, DEFAULT_PART_SIZE, false);
    }

    /**
     * @param client    the client, with its credentials, region and endpoint
     * @param location  the object to write
     * @param partSize  the size of the first parts, at least 5 MB and at most 1 GB
     * @param overwrite whether an existing object at that key may be replaced
     */
    public S3OutputSink(S3Client client, S3Location location, long partSize, boolean overwrite) {
        this.client = Objects.requireNonNull(client, "client");
        this.location = Objects.requireNonNull(location, "location");
        if (location.isPrefix()) {
            throw new IllegalArgumentException("Cannot write a backup to " + location + ": it names a prefix, not an "
                    + "object");
        }
        if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            throw new IllegalArgumentException("Invalid S3 part size " + partSize + ": it must be between "
                    + MIN_PART_SIZE + " and " + MAX_PART_SIZE + " bytes");
        }
        this.partSize = partSize;
        this.overwrite = overwrite;
    }

    /**
     * The object this sink writes.
     *
     * @return the location
     */
    public S3Location location() {
        return location;
    }

    @Override
    public OutputStream open() throws IOException {
        if (!overwrite && exists()) {
            throw new PersistorException("Cannot write the backup to " + location + ": the object exists. Choose "
                    + "another key, or allow replacing it with overwrite.");
        }
        stream = new PartStream();
        return stream;
    }

    @Override
    public void commit() throws IOException {
        long written = stream.finish();
        HeadObjectResponse head = call("check the object after writing it",
                () -> client.headObject(b -> b.bucket(location.bucket()).key(location.key())));
        if (head.contentLength() != written) {
            call("delete the object that does not match what was written",
                    () -> client.deleteObject(b -> b.bucket(location.bucket()).key(location.key())));
            throw new IOException(location + " holds " + head.contentLength() + " bytes after the upload, but "
                    + written + " were written; the object was deleted");
        }
        LOG.debug("Published {}: {} bytes", location, written);
    }

    @Override
    public void abort() {
        if (stream != null) {
            stream.cancel();
        }
    }

    private boolean exists() throws IOException {
        return new S3InputSource(client, location).exists();
    }

    private <T> T call(String what, SdkCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (SdkException e) {
            throw failure(what, e);
        }
    }

    private IOException failure(String what, SdkException e) {
        return new IOException("Cannot " + what + " at " + location + ": " + e.getMessage(), e);
    }

    /**
     * The size of a part, by its number (from 1): the first size for the first 1,000 parts, doubling after each
     * 1,000, at most {@link #MAX_PART_SIZE}.
     */
    static long partSize(long first, int number) {
        int doublings = Math.min((number - 1) / PARTS_PER_SIZE, 30);
        return Math.min(first << doublings, MAX_PART_SIZE);
    }

    /** A request to S3 whose failure becomes an {@link IOException} naming the object. */
    @FunctionalInterface
    private interface SdkCall<T> {
        T run();
    }

    /** A part's bytes as a request body the SDK can read again when it retries, without copying them. */
    private static RequestBody body(byte[] content, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(content, 0, length), length,
                "application/octet-stream");
    }

    /** Fills parts and uploads each full one on a thread of its own while the next fills. */
    private final class PartStream extends OutputStream {

        private final ExecutorService uploader = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "persistor-s3-upload");
            thread.setDaemon(true);
            return thread;
        });
        private final List<CompletedPart> parts = new ArrayList<>();
        private String uploadId;
        private Future<CompletedPart> inFlight;
        private byte[] uploading;
        private byte[] spare;
        private byte[] part;
        private int filled;
        private long written;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (part == null) {
                    long size = partSize(partSize, parts.size() + (inFlight != null ? 2 : 1));
                    part = spare != null && spare.length == size ? spare : new byte[(int) size];
                    spare = null;
                }
                int n = Math.min(length, part.length - filled);
                System.arraycopy(bytes, offset, part, filled, n);
                filled += n;
                offset += n;
                length -= n;
                written += n;
                if (filled == part.length) {
                    upload();
                }
            }
        }

        /** Uploads what is left and publishes the object; returns how many bytes it holds. */
        long finish() throws IOException {
            try {
                if (uploadId == null) {
                    RequestBody body = body(part == null ? new byte[0] : part, filled);
                    call("upload the backup", () -> client.putObject(b -> b.bucket(location.bucket())
                            .key(location.key()), body));
                    return written;
                }
                if (filled > 0) {
                    upload();
                }
                collect();
                if (!overwrite && exists()) {
                    throw new PersistorException("Cannot publish the backup at " + location + ": another process "
                            + "created the object meanwhile");
                }
                call("complete the upload", () -> client.completeMultipartUpload(b -> b.bucket(location.bucket())
                        .key(location.key()).uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
                uploadId = null;
                return written;
            } finally {
                uploader.shutdown();
            }
        }

        /** Stops uploading and aborts the multipart upload, if one was started. Does not throw. */
        void cancel() {
            uploader.shutdownNow();
            if (uploadId == null) {
                return;
            }
            try {
                client.abortMultipartUpload(b -> b.bucket(location.bucket()).key(location.key()).uploadId(uploadId));
                LOG.debug("Aborted the upload {} of {}", uploadId, location);
            } catch (SdkException e) {
                LOG.warn("Cannot abort the multipart upload {} of {} ({}); no object was published, but its parts stay "
                        + "stored until the upload is aborted (a bucket lifecycle rule for incomplete multipart "
                        + "uploads does that)", uploadId, location, e.getMessage());
            }
            uploadId = null;
        }

        /** Hands the full part to the uploading thread, once the part before it is uploaded. */
        private void upload() throws IOException {
            if (uploadId == null) {
                uploadId = call("start a multipart upload", () -> client.createMultipartUpload(b -> b
                        .bucket(location.bucket()).key(location.key()))).uploadId();
            }
            collect();
            int number = parts.size() + 1;
            if (number > MAX_PARTS) {
                throw new IOException("Cannot write more than " + MAX_PARTS + " parts to " + location
                        + ": choose a larger part size");
            }
            RequestBody body = body(part, filled);
            String id = uploadId;
            inFlight = uploader.submit(() -> {
                String etag = client.uploadPart(b -> b.bucket(location.bucket()).key(location.key()).uploadId(id)
                        .partNumber(number), body).eTag();
                return CompletedPart.builder().partNumber(number).eTag(etag).build();
            });
            uploading = part;
            part = null;
            filled = 0;
        }

        /** Waits for the part in flight, whose buffer then becomes the spare. */
        private void collect() throws IOException {
            if (inFlight == null) {
                return;
            }
            try {
                parts.add(inFlight.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while uploading to " + location);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw new IOException("Cannot upload part " + (parts.size() + 1) + " to " + location + ": "
                        + cause.getMessage(), cause);
            }
            inFlight = null;
            spare = uploading;
            uploading = null;
        }
    }
}
