package io.persistor.testkit;

import java.net.URI;

/** A server the user runs, named by {@code PERSISTOR_TEST_JDBC_URL}; its role must be able to create databases and roles. */
final class ExternalServer extends PostgresServer {

    private final URI uri;
    private final String user;
    private final String password;

    ExternalServer(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("PERSISTOR_TEST_JDBC_URL must look like jdbc:postgresql://host:port/db, "
                    + "but was " + jdbcUrl);
        }
        this.uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.user = user;
        this.password = password;
    }

    @Override
    public String host() {
        return uri.getHost();
    }

    @Override
    public int port() {
        return uri.getPort() < 0 ? 5432 : uri.getPort();
    }

    @Override
    public String superuser() {
        return user;
    }

    @Override
    public String superuserPassword() {
        return password;
    }

    @Override
    public String describe() {
        return "external PostgreSQL at " + host() + ":" + port();
    }
}
