package io.persistor.junit;

import io.persistor.Format;
import io.persistor.Persistor;
import io.persistor.junit.internal.DatabaseSource;
import io.persistor.junit.internal.Fixtures;
import io.persistor.junit.internal.Seed;
import io.persistor.junit.internal.ServerAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link PersistorDatabase}: it builds each seed once into a template database,
 * gives every test (or test class) a clone, and resolves {@link FixtureDatabase}, {@link DataSource} and
 * {@link Connection} parameters to it. A failed test's database is kept and its URL logged; the others are dropped.
 *
 * <p>Declared through the annotation, or registered with the same choices in code, which also takes a server known
 * only at run time (a Testcontainers container, for instance):
 *
 * <pre>{@code
 * @RegisterExtension
 * static PersistorExtension database = PersistorExtension.builder()
 *         .server(postgres::getJdbcUrl, postgres::getUsername, postgres::getPassword)
 *         .seed("classpath:fixtures/shop.sql")
 *         .build();
 * }</pre>
 *
 * <p>Needs JUnit 5.13 or later, which closes what a test run leaves in its stores.
 */
public final class PersistorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PersistorExtension.class);
    private static final String TEST_DATABASE = "test database";
    private static final String CLASS_DATABASE = "class database";
    private static final String CONNECTIONS = "connections";

    private final Spec registered;

    /** The extension as {@link PersistorDatabase} declares it: its choices come from the nearest annotation. */
    public PersistorExtension() {
        this.registered = null;
    }

    private PersistorExtension(Spec spec) {
        this.registered = spec;
    }

    /** @return a builder for an extension registered in code with {@code @RegisterExtension} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the current state of a database to a Persistor file, the way fixtures are made: every schema, rows as
     * {@code COPY}, no time in the header, so that the same state gives the same bytes and a changed fixture
     * reviews as a plain diff. The file can be a seed as it is.
     *
     * @param dataSource the database
     * @param file       where the file goes; replaced if it exists
     * @return the file
     */
    public static Path snapshot(DataSource dataSource, Path file) {
        return Persistor.backup(dataSource).allSchemas().format(Format.COPY).reproducible().overwrite().to(file)
                .file();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Spec spec = spec(context);
        if (spec.refresh() == Refresh.EACH_CLASS) {
            context.getStore(NAMESPACE).put(CLASS_DATABASE, take(context, spec));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Spec spec = spec(context);
        if (spec.refresh() == Refresh.EACH_TEST) {
            context.getStore(NAMESPACE).put(TEST_DATABASE, take(context, spec));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeConnections(context);
        boolean failed = context.getExecutionException().isPresent();
        Taken test = context.getStore(NAMESPACE).remove(TEST_DATABASE, Taken.class);
        if (test != null) {
            test.source().giveBack(test.database().name(), failed);
        } else if (failed) {
            Taken shared = context.getStore(NAMESPACE).get(CLASS_DATABASE, Taken.class);
            if (shared != null) {
                shared.failed().set(true);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeConnections(context);
        Taken shared = context.getStore(NAMESPACE).remove(CLASS_DATABASE, Taken.class);
        if (shared != null) {
            shared.source().giveBack(shared.database().name(),
                    shared.failed().get() || context.getExecutionException().isPresent());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FixtureDatabase.class || type == DataSource.class || type == Connection.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Taken taken = Optional.ofNullable(store.get(TEST_DATABASE, Taken.class))
                .orElseGet(() -> store.get(CLASS_DATABASE, Taken.class));
        if (taken == null) {
            throw new ParameterResolutionException("No database for " + parameter.getDeclaringExecutable()
                    + ": each test gets its own, so class-level methods get one only with refresh = EACH_CLASS");
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == FixtureDatabase.class) {
            return taken.database();
        }
        if (type == DataSource.class) {
            return taken.database().dataSource();
        }
        try {
            Connection connection = taken.database().connect();
            @SuppressWarnings("unchecked")
            List<Connection> open = store.getOrComputeIfAbsent(CONNECTIONS, k -> new ArrayList<Connection>(),
                    List.class);
            synchronized (open) {
                open.add(connection);
            }
            return connection;
        } catch (SQLException e) {
            throw new ParameterResolutionException("Cannot connect to " + taken.database() + ": " + e.getMessage(), e);
        }
    }

    private Taken take(ExtensionContext context, Spec spec) {
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        Fixtures fixtures = root.getOrComputeIfAbsent(Fixtures.class, k -> new Fixtures(), Fixtures.class);
        Seed seed = root.getOrComputeIfAbsent(spec.seedKey(), k -> new Seed(spec.seeds(), spec.initializers()),
                Seed.class);
        DatabaseSource source = fixtures.source(spec.server().get(), seed, spec.ready());
        String name = source.take();
        ServerAddress server = source.server();
        return new Taken(source, new FixtureDatabase(name, server.urlOf(name), server.user(), server.password()),
                new AtomicBoolean());
    }

    private static void closeConnections(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        List<Connection> open = context.getStore(NAMESPACE).remove(CONNECTIONS, List.class);
        if (open != null) {
            for (Connection connection : open) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the database is dropped or replaced next anyway
                }
            }
        }
    }

    private Spec spec(ExtensionContext context) {
        if (registered != null) {
            return registered;
        }
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            Optional<PersistorDatabase> annotation = AnnotationSupport.findAnnotation(type, PersistorDatabase.class);
            if (annotation.isPresent()) {
                return Spec.of(annotation.get());
            }
        }
        throw new ExtensionConfigurationException(context.getRequiredTestClass().getName() + " uses "
                + "PersistorExtension without @PersistorDatabase: annotate it, or register the extension with "
                + "PersistorExtension.builder()");
    }

    /** A database handed to a test or test class, where it came from, and whether a test failed on it. */
    private record Taken(DatabaseSource source, FixtureDatabase database, AtomicBoolean failed) {
    }

    /**
     * The choices of one declaration.
     *
     * @param seedKey what identifies the seed within a test run (the annotation, or the builder's result)
     */
    private record Spec(List<String> seeds, List<Class<? extends Consumer<DataSource>>> initializers,
                        Refresh refresh, int ready, Supplier<ServerAddress> server, Object seedKey) {

        static Spec of(PersistorDatabase annotation) {
            if (annotation.ready() < 0) {
                throw new ExtensionConfigurationException("@PersistorDatabase(ready = " + annotation.ready()
                        + ") must not be negative");
            }
            String url = annotation.url().isEmpty() ? setting("persistor.junit.url", "PERSISTOR_JUNIT_URL")
                    : annotation.url();
            String user = annotation.user().isEmpty() ? setting("persistor.junit.user", "PERSISTOR_JUNIT_USER")
                    : annotation.user();
            String password = annotation.password().isEmpty()
                    ? setting("persistor.junit.password", "PERSISTOR_JUNIT_PASSWORD") : annotation.password();
            ServerAddress server = url == null ? null : new ServerAddress(url, user, password);
            return new Spec(List.of(annotation.seed()), List.of(annotation.initializers()), annotation.refresh(),
                    annotation.ready(), () -> server, annotation);
        }

        private static String setting(String property, String variable) {
            String value = System.getProperty(property);
            return value != null && !value.isEmpty() ? value : System.getenv(variable);
        }
    }

    /** Builds an extension to register in code; the same choices as {@link PersistorDatabase}. */
    public static final class Builder {

        private final List<String> seeds = new ArrayList<>();
        private final List<Class<? extends Consumer<DataSource>>> initializers = new ArrayList<>();
        private Refresh refresh = Refresh.EACH_TEST;
        private int ready = 2;
        private Supplier<ServerAddress> server = () -> null;

        private Builder() {
        }

        /**
         * Adds seed files, as {@link PersistorDatabase#seed()}.
         *
         * @param locations file paths, or class path resources prefixed {@code classpath:}
         * @return this builder
         */
        public Builder seed(String... locations) {
            seeds.addAll(List.of(locations));
            return this;
        }

        /**
         * Adds a callback run after the seed files, as {@link PersistorDatabase#initializers()}.
         *
         * @param initializer a class with a constructor without parameters
         * @return this builder
         */
        public Builder initializer(Class<? extends Consumer<DataSource>> initializer) {
            initializers.add(Objects.requireNonNull(initializer, "initializer"));
            return this;
        }

        /**
         * How often a test class gets a fresh database.
         *
         * @param refresh {@link Refresh#EACH_TEST} unless set
         * @return this builder
         */
        public Builder refresh(Refresh refresh) {
            this.refresh = Objects.requireNonNull(refresh, "refresh");
            return this;
        }

        /**
         * How many clones are kept ready.
         *
         * @param clones 2 unless set; 0 or more
         * @return this builder
         */
        public Builder ready(int clones) {
            if (clones < 0) {
                throw new IllegalArgumentException("ready must not be negative, but was " + clones);
            }
            this.ready = clones;
            return this;
        }

        /**
         * The server, as a JDBC URL of one of its databases; without this, the embedded server.
         *
         * @param url      {@code jdbc:postgresql://host:port/database}
         * @param user     the role
         * @param password its password, or {@code null}
         * @return this builder
         */
        public Builder server(String url, String user, String password) {
            ServerAddress address = new ServerAddress(url, user, password);
            this.server = () -> address;
            return this;
        }

        /**
         * The server, known only once tests start (a container started by another extension): asked for on first
         * use.
         *
         * @param url      gives the JDBC URL
         * @param user     gives the role
         * @param password gives its password
         * @return this builder
         */
        public Builder server(Supplier<String> url, Supplier<String> user, Supplier<String> password) {
            Objects.requireNonNull(url, "url");
            this.server = () -> new ServerAddress(url.get(), user.get(), password.get());
            return this;
        }

        /** @return the extension */
        public PersistorExtension build() {
            Object key = new Object();
            return new PersistorExtension(new Spec(List.copyOf(seeds), List.copyOf(initializers), refresh, ready,
                    server, key));
        }
    }
}
