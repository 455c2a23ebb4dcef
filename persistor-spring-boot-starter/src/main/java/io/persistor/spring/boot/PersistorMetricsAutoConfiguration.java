package io.persistor.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.persistor.spring.boot.actuate.PersistorMetrics;
import io.persistor.spring.boot.backup.PersistorBackups;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The backups' Micrometer meters, when Micrometer is on the class path and the application has a registry. */
@AutoConfiguration(after = PersistorAutoConfiguration.class, afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({PersistorBackups.class, MeterRegistry.class})
public class PersistorMetricsAutoConfiguration {

    /** Made by Spring. */
    public PersistorMetricsAutoConfiguration() {
    }

    /**
     * The meters, told of every run.
     *
     * @param registry where they are registered
     * @return the listener that updates them
     */
    @Bean
    @ConditionalOnMissingBean
    public PersistorMetrics persistorMetrics(MeterRegistry registry) {
        return new PersistorMetrics(registry);
    }
}
