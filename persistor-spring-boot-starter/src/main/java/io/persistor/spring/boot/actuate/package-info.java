/**
 * What operations teams see of the backups: Micrometer meters ({@link io.persistor.spring.boot.actuate.PersistorMetrics}),
 * the Actuator endpoint {@code persistor} ({@link io.persistor.spring.boot.actuate.PersistorEndpoint}) and a health
 * indicator that turns DOWN when the last success is too old
 * ({@link io.persistor.spring.boot.actuate.PersistorHealthIndicator}).
 */
package io.persistor.spring.boot.actuate;
