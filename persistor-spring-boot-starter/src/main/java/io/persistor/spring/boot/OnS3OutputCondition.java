package io.persistor.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code persistor.output} names an {@code s3://} location. */
final class OnS3OutputCondition extends SpringBootCondition {

    static final String OUTPUT = "persistor.output";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String output = context.getEnvironment().getProperty(OUTPUT);
        return isS3(output) ? ConditionOutcome.match(OUTPUT + " is an s3:// location")
                : ConditionOutcome.noMatch(OUTPUT + " is not an s3:// location");
    }

    /** Whether an output names a bucket; the same test as {@code S3Location.isS3}, without loading that class. */
    static boolean isS3(String output) {
        return output != null && output.regionMatches(true, 0, "s3://", 0, 5);
    }
}
