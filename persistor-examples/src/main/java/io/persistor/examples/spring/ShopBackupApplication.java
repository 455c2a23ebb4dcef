package io.persistor.examples.spring;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A Spring Boot application that only backs up its database, on the schedule of
 * {@code persistor-spring-example.properties}; any application adds the starter and the same properties to its own.
 */
@SpringBootApplication
public class ShopBackupApplication {

    /**
     * The application, reading {@code persistor-spring-example.properties} (not {@code application.properties}, which
     * another program on the class path might read).
     *
     * @return the builder; {@code run(args)} starts it
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ShopBackupApplication.class)
                .properties("spring.config.name=persistor-spring-example");
    }

    /**
     * Starts the application; it runs until stopped, backing up at each tick of {@code persistor.schedule.cron}.
     *
     * @param args Spring Boot arguments, such as {@code --spring.datasource.url=jdbc:postgresql://db/shop}
     */
    public static void main(String[] args) {
        application().run(args);
    }
}
