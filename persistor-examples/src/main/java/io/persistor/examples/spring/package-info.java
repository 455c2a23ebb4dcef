/**
 * A Spring Boot application whose database is backed up every night by {@code persistor-spring-boot-starter}: the
 * settings are in {@code persistor-spring-example.properties}. Spring is a provided dependency of this module, so
 * the command-line tool's jar holds none of it: run the example from a build that has the starter on its class path.
 */
package io.persistor.examples.spring;
