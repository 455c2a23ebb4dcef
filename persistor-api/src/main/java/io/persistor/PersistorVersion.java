package io.persistor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Reads the library version that the build stamps into {@code persistor.properties}. */
final class PersistorVersion {

    static final String VALUE = load();

    private PersistorVersion() {
    }

    private static String load() {
        try (InputStream in = PersistorVersion.class.getResourceAsStream("persistor.properties")) {
            if (in == null) {
                throw new IllegalStateException("persistor.properties is missing from persistor-api");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
