package io.persistor.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads SQL seed scripts from the test class path. */
public final class SqlScripts {

    private SqlScripts() {
    }

    /**
     * Reads a class-path resource as UTF-8 text.
     *
     * @param owner    the class the resource name is relative to
     * @param resource the resource's name
     * @return its text
     */
    public static String load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Test resource " + resource + " is missing beside " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
