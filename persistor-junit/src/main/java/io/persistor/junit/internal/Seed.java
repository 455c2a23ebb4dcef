package io.persistor.junit.internal;

import io.persistor.Persistor;
import io.persistor.PersistorException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.jdbc.PreferQueryMode;

/**
 * What a template database is built from: seed files (read once, when the seed is made) and callbacks, and the
 * hash of all of it that names the template, so that a changed file or callback class builds a new one.
 */
public final class Seed {

    /** Bumped when the way templates are built changes, so that old templates are not taken for new ones. */
    private static final String LAYOUT = "persistor-junit/1";
    private static final String CLASSPATH = "classpath:";

    private final List<SeedFile> files;
    private final List<Class<? extends Consumer<DataSource>>> initializers;
    private final String hash;

    /**
     * Reads the seed files and hashes them with the callbacks' classes.
     *
     * @param locations    file paths, or class path resources prefixed {@code classpath:}
     * @param initializers callbacks given the template database after the files
     * @throws IllegalArgumentException naming a location that exists nowhere
     */
    public Seed(List<String> locations, List<Class<? extends Consumer<DataSource>>> initializers) {
        this.files = locations.stream().map(Seed::read).toList();
        this.initializers = List.copyOf(initializers);
        MessageDigest digest = sha256();
        digest.update(LAYOUT.getBytes(StandardCharsets.UTF_8));
        for (SeedFile file : files) {
            digest.update(("\nfile " + file.location() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(file.content());
        }
        for (Class<?> initializer : this.initializers) {
            digest.update(("\ninitializer " + initializer.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(classBytes(initializer));
        }
        this.hash = HexFormat.of().formatHex(digest.digest());
    }

    /** @return the SHA-256 of the files' names and contents and the callbacks' names and class files, in hex */
    public String hash() {
        return hash;
    }

    /**
     * Fills a database: each file in order, then each callback.
     *
     * @param server   the server
     * @param database the database to fill
     * @throws PersistorException naming the file or callback that failed
     */
    public void applyTo(ServerAddress server, String database) {
        for (SeedFile file : files) {
            try {
                if (file.isBackup()) {
                    Persistor.restore(dataSource(server, database, false)).allowMissingClosingMarker()
                            .from(new ByteArrayInputStream(file.content()));
                } else {
                    runScript(server, database, file);
                }
            } catch (SQLException | PersistorException e) {
                throw new PersistorException("Seed file " + file.location() + " failed on " + database + ": "
                        + e.getMessage(), null, e);
            }
        }
        for (Class<? extends Consumer<DataSource>> initializer : initializers) {
            try {
                instantiate(initializer).accept(dataSource(server, database, false));
            } catch (RuntimeException e) {
                throw new PersistorException("Seed initializer " + initializer.getName() + " failed on " + database
                        + ": " + e.getMessage(), null, e);
            }
        }
    }

    /**
     * A data source for one database of a server.
     *
     * @param server   the server
     * @param database the database
     * @param simple   whether statements go by the simple query protocol (several in one string)
     * @return the data source
     */
    static PGSimpleDataSource dataSource(ServerAddress server, String database, boolean simple) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(server.urlOf(database));
        dataSource.setUser(server.user());
        if (server.password() != null) {
            dataSource.setPassword(server.password());
        }
        if (simple) {
            dataSource.setPreferQueryMode(PreferQueryMode.SIMPLE);
        }
        return dataSource;
    }

    private static void runScript(ServerAddress server, String database, SeedFile file) throws SQLException {
        // The server splits the script itself, so dollar-quoted bodies and BEGIN ATOMIC are whole.
        try (Connection connection = dataSource(server, database, true).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(new String(file.content(), StandardCharsets.UTF_8));
        }
    }

    private static <T> T instantiate(Class<T> type) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type.getName() + " needs a constructor without parameters", e);
        }
    }

    private static SeedFile read(String location) {
        try {
            if (location.startsWith(CLASSPATH)) {
                String resource = location.substring(CLASSPATH.length()).replaceFirst("^/", "");
                ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader() : Seed.class.getClassLoader();
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalArgumentException("Seed " + location + " not found: no class path resource "
                                + resource);
                    }
                    return new SeedFile(location, in.readAllBytes());
                }
            }
            Path path = Path.of(location);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("Seed " + location + " not found: no file " + path.toAbsolutePath()
                        + " (prefix class path resources with classpath:)");
            }
            return new SeedFile(location, Files.readAllBytes(path));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read seed " + location + ": " + e.getMessage(), e);
        }
    }

    private static byte[] classBytes(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? type.getName().getBytes(StandardCharsets.UTF_8) : in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the class file of " + type.getName(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM lacks SHA-256", e);
        }
    }

    /** A seed file's location and content. */
    private record SeedFile(String location, byte[] content) {

        /** Whether Persistor.restore runs it: gzip, or a Persistor backup or pg_dump plain file by its header. */
        boolean isBackup() {
            if (content.length > 1 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b) {
                return true;
            }
            String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8);
            return head.contains("-- Persistor backup") || head.contains("-- PostgreSQL database dump");
        }
    }

    /** @return the files' locations and the callbacks' names, for messages */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(files.stream().map(SeedFile::location).toList());
        initializers.forEach(i -> parts.add(i.getName()));
        return parts.isEmpty() ? "an empty seed" : String.join(", ", parts);
    }
}
