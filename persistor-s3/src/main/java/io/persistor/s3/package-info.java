/**
 * Backups in S3-compatible object storage: {@link io.persistor.s3.S3OutputSink} streams a backup to an object with
 * a multipart upload that publishes only complete backups, {@link io.persistor.s3.S3InputSource} streams one back
 * for a restore or a verification, and {@link io.persistor.s3.S3Retention} prunes older ones under a prefix. Each
 * takes an {@code S3Client} the application builds, with the SDK's usual credentials, region and endpoint.
 */
package io.persistor.s3;
