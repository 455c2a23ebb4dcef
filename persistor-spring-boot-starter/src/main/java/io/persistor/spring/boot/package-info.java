/**
 * Spring Boot auto-configuration of Persistor: the {@code persistor.*} properties
 * ({@link io.persistor.spring.boot.PersistorProperties}), the backup beans
 * ({@link io.persistor.spring.boot.PersistorAutoConfiguration}), and the Actuator and Micrometer parts, each on when
 * its library is on the class path. Every bean backs off when the application defines its own;
 * {@code persistor.enabled=false} switches them all off.
 */
package io.persistor.spring.boot;
