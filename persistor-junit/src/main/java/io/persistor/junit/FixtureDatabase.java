package io.persistor.junit;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The database a test was given: its name, how to reach it, and a data source for it. */
public final class FixtureDatabase {

    private final String name;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final PGSimpleDataSource dataSource;

    FixtureDatabase(String name, String jdbcUrl, String user, String password) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(user);
        if (password != null) {
            dataSource.setPassword(password);
        }
    }

    /** @return the database's name */
    public String name() {
        return name;
    }

    /** @return its JDBC URL, without the role and password */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** @return the role tests connect as */
    public String user() {
        return user;
    }

    /** @return that role's password, or {@code null} */
    public String password() {
        return password;
    }

    /** @return a data source that opens a new connection each time (no pool) */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Opens a connection; the caller closes it.
     *
     * @return the connection
     * @throws SQLException when the server refuses it
     */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public String toString() {
        return jdbcUrl;
    }
}
