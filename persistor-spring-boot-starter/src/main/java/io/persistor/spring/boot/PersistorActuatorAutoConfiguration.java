package io.persistor.spring.boot;

import io.persistor.spring.boot.actuate.PersistorEndpoint;
import io.persistor.spring.boot.actuate.PersistorHealthIndicator;
import io.persistor.spring.boot.backup.PersistorBackups;
import java.time.Clock;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Actuator endpoint {@code persistor} and the health indicator {@code persistor}, when Actuator (for the
 * endpoint) and Spring Boot's health module (for the indicator) are on the class path.
 */
@AutoConfiguration(after = PersistorAutoConfiguration.class)
@ConditionalOnBean(PersistorBackups.class)
public class PersistorActuatorAutoConfiguration {

    /** Made by Spring. */
    public PersistorActuatorAutoConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint
        PersistorEndpoint persistorEndpoint(PersistorBackups backups) {
            return new PersistorEndpoint(backups);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnEnabledHealthIndicator("persistor")
        PersistorHealthIndicator persistorHealthIndicator(PersistorBackups backups, PersistorProperties properties) {
            return new PersistorHealthIndicator(backups, properties.health().maxAge(), Clock.systemDefaultZone());
        }
    }
}
