/**
 * Examples for the three users Persistor serves: {@code embedding} for applications that take backups
 * themselves, {@code spring} for Spring Boot applications that let the starter back them up, {@code cli} for
 * people at a terminal; test fixtures reuse persistor-core's test kit.
 */
package io.persistor.examples;
