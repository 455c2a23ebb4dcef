package io.persistor.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A running PostgreSQL server the tests may create databases and roles on: an embedded one started from the
 * binaries, or an external one named by {@code PERSISTOR_TEST_JDBC_URL}.
 */
public abstract class PostgresServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The role every restore runs as: it owns its target database and is not a superuser. */
    public static final String OWNER_ROLE = "persistor_owner";

    /** The role every backup runs as: CONNECT, USAGE on schemas and SELECT on tables and sequences only. */
    public static final String READER_ROLE = "persistor_reader";

    /** The password of both test roles (embedded servers trust local connections anyway). */
    public static final String ROLE_PASSWORD = "persistor-test";

    private boolean rolesCreated;

    /** Host name for clients. */
    public abstract String host();

    /** Port for clients. */
    public abstract int port();

    /** A superuser (or a role with CREATEDB and CREATEROLE) name. */
    public abstract String superuser();

    /** That role's password, or {@code null}. */
    public abstract String superuserPassword();

    /** What this server is, for messages: its major and where it runs. */
    public abstract String describe();

    /**
     * The server's major version, as reported by the server.
     *
     * @return for example 17
     */
    public int major() {
        try (Connection c = connect("postgres", superuser(), superuserPassword());
             var rs = c.createStatement().executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1)) / 10000;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot ask " + describe() + " for its version", e);
        }
    }

    /**
     * Creates a new, empty database owned by the superuser.
     *
     * @return the database
     */
    public TestDatabase createDatabase() {
        return createDatabase(superuser());
    }

    /**
     * Creates a new, empty database owned by the non-superuser {@link #OWNER_ROLE}, the target of restores.
     *
     * @return the database
     */
    public TestDatabase createOwnedDatabase() {
        return createDatabase(OWNER_ROLE);
    }

    private synchronized TestDatabase createDatabase(String owner) {
        ensureRoles();
        String name = "persistor_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        executeAsSuperuser("postgres", "CREATE DATABASE " + name + " OWNER " + owner);
        return new TestDatabase(this, name, owner);
    }

    private void ensureRoles() {
        if (rolesCreated) {
            return;
        }
        for (String role : new String[] {OWNER_ROLE, READER_ROLE}) {
            executeAsSuperuser("postgres", "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role
                    + "') THEN CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
                    + ROLE_PASSWORD + "'; END IF; END $$");
        }
        rolesCreated = true;
    }

    /**
     * Runs statements as the superuser in a database.
     *
     * @param database the database
     * @param sql      statements, each run on its own
     */
    public void executeAsSuperuser(String database, String... sql) {
        // The simple query protocol hands multi-statement scripts to the server whole, so the server's own parser
        // (which knows BEGIN ATOMIC bodies) splits them.
        try (Connection c = DriverManager.getConnection(jdbcUrl(database) + "?preferQueryMode=simple", superuser(),
                superuserPassword()); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("On " + describe() + ", database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * The JDBC URL of a database on this server.
     *
     * @param database the database
     * @return the URL
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /**
     * A data source for a database as a role.
     *
     * @param database the database
     * @param user     the role
     * @param password its password, or {@code null}
     * @return the data source
     */
    public PGSimpleDataSource dataSource(String database, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl(database));
        dataSource.setUser(user);
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }

    Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    @Override
    public String toString() {
        return describe();
    }
}
