package io.persistor.spring.boot;

import io.persistor.s3.S3Location;
import io.persistor.spring.boot.target.BackupTarget;
import io.persistor.spring.boot.target.S3Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Publishes backups under an {@code s3://} prefix when {@code persistor-s3} is on the class path, through the
 * application's {@link S3Client} bean or one built from {@code persistor.s3.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"io.persistor.s3.S3OutputSink", "software.amazon.awssdk.services.s3.S3Client"})
@Conditional(OnS3OutputCondition.class)
class PersistorS3Configuration {

    @Bean
    @ConditionalOnMissingBean
    S3Client persistorS3Client(PersistorProperties properties) {
        PersistorProperties.S3Properties s3 = properties.s3();
        S3ClientBuilder builder = S3Client.builder().forcePathStyle(s3.pathStyle());
        if (s3.endpoint() != null) {
            builder.endpointOverride(s3.endpoint());
        }
        if (s3.region() != null) {
            builder.region(Region.of(s3.region()));
        } else if (s3.endpoint() != null) {
            builder.region(Region.US_EAST_1);
        }
        try {
            return builder.build();
        } catch (SdkClientException e) {
            throw new IllegalStateException("Cannot build an S3 client for " + properties.output() + ": "
                    + e.getMessage() + " (set persistor.s3.region or AWS_REGION, or define an S3Client bean)", e);
        }
    }

    @Bean
    @ConditionalOnMissingBean(BackupTarget.class)
    S3Target persistorS3BackupTarget(S3Client client, PersistorProperties properties) {
        String output = properties.output();
        return new S3Target(client, S3Location.parse(output.endsWith("/") ? output : output + "/"));
    }
}
