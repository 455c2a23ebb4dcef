package io.persistor.junit.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A PostgreSQL server as a JDBC URL of one of its databases (where maintenance statements run) and a role.
 *
 * @param url      a {@code jdbc:postgresql://host:port/database[?parameters]} URL
 * @param user     the role
 * @param password its password, or {@code null}
 */
public record ServerAddress(String url, String user, String password) {

    private static final String PREFIX = "jdbc:postgresql://";

    /** Checks the URL's form. */
    public ServerAddress {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith(PREFIX) || url.indexOf('/', PREFIX.length()) < 0) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL with a database: " + url
                    + " (expected jdbc:postgresql://host:port/database)");
        }
    }

    /**
     * The URL of another database of the same server, with the same parameters.
     *
     * @param database the database
     * @return its URL
     */
    public String urlOf(String database) {
        int slash = url.indexOf('/', PREFIX.length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    /**
     * Connects to the URL's own database, where databases are created and dropped.
     *
     * @return the connection
     * @throws SQLException when the server refuses it
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** @return the URL and role, for messages and as a key */
    @Override
    public String toString() {
        return user + " at " + url;
    }
}
