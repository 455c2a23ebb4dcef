package io.persistor.s3;

import java.util.Objects;

/**
 * An object, or a prefix of objects, in a bucket, written {@code s3://bucket/key}. A key that is empty or ends in
 * {@code /} names a prefix, which {@link #resolve(String)} extends.
 *
 * @param bucket the bucket
 * @param key    the key, or the prefix; empty for the bucket's root
 */
public record S3Location(String bucket, String key) {

    private static final String SCHEME = "s3://";

    /** Checks both parts. */
    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (bucket.isEmpty() || bucket.contains("/")) {
            throw new IllegalArgumentException("Invalid S3 bucket name '" + bucket + "'");
        }
    }

    /**
     * Parses {@code s3://bucket/key}.
     *
     * @param uri the location
     * @return the location
     * @throws IllegalArgumentException when it does not start with {@code s3://} or names no bucket
     */
    public static S3Location parse(String uri) {
        if (!isS3(uri)) {
            throw new IllegalArgumentException("Not an S3 location: '" + uri + "' (expected s3://bucket/key)");
        }
        String rest = uri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /**
     * Whether a string names an S3 location, for command lines that take a path or an {@code s3://} URI.
     *
     * @param text the string
     * @return whether it starts with {@code s3://}
     */
    public static boolean isS3(String text) {
        return text != null && text.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /**
     * Whether this names a prefix rather than one object.
     *
     * @return whether the key is empty or ends in {@code /}
     */
    public boolean isPrefix() {
        return key.isEmpty() || key.endsWith("/");
    }

    /**
     * An object under this prefix.
     *
     * @param name the object's name under the prefix
     * @return the object's location
     * @throws IllegalStateException when this is not a prefix
     */
    public S3Location resolve(String name) {
        if (!isPrefix()) {
            throw new IllegalStateException(this + " names an object, not a prefix ending in /");
        }
        return new S3Location(bucket, key + name);
    }

    /**
     * The name of the object under its prefix: the key's last part.
     *
     * @return what follows the key's last {@code /}
     */
    public String name() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /**
     * The prefix this object lies under.
     *
     * @return the location of everything up to the key's last {@code /}
     */
    public S3Location parent() {
        return new S3Location(bucket, key.substring(0, key.lastIndexOf('/') + 1));
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + key;
    }
}
