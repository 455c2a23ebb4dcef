package io.persistor.examples.cli;

import io.persistor.s3.S3Location;
import java.net.URI;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * How the commands reach {@code s3://} locations: the AWS SDK's usual chain finds the credentials and the region
 * (environment, system properties, {@code ~/.aws}, instance roles), and these options name an S3-compatible server
 * instead of AWS.
 */
final class S3Options {

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "An S3-compatible server instead of AWS (default: AWS_ENDPOINT_URL_S3, else AWS).")
    URI endpoint;

    @Option(names = "--s3-region", paramLabel = "REGION",
            description = "The bucket's region (default: AWS_REGION, ~/.aws/config; us-east-1 with --s3-endpoint).")
    String region;

    @Option(names = "--s3-path-style",
            description = "Address buckets as a path (http://server/bucket/key), as most S3-compatible servers want.")
    boolean pathStyle;

    /** A client for these options; the caller closes it. */
    S3Client client(S3Location location) {
        S3ClientBuilder builder = S3Client.builder().forcePathStyle(pathStyle);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (region != null) {
            builder.region(Region.of(region));
        }
        try {
            return builder.build();
        } catch (SdkClientException e) {
            if (region == null && endpoint != null) {
                return builder.region(Region.US_EAST_1).build();
            }
            throw new IllegalArgumentException("Cannot reach " + location + ": " + e.getMessage()
                    + " (give --s3-region or set AWS_REGION)", e);
        }
    }
}
