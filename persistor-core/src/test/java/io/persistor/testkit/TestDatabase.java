package io.persistor.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** A fresh database on a test server, with the roles a round trip needs. */
public final class TestDatabase {

    private final PostgresServer server;
    private final String name;
    private final String owner;

    TestDatabase(PostgresServer server, String name, String owner) {
        this.server = server;
        this.name = name;
        this.owner = owner;
    }

    /** The database's name. */
    public String name() {
        return name;
    }

    /** The server it lives on. */
    public PostgresServer server() {
        return server;
    }

    /** The role that owns it. */
    public String owner() {
        return owner;
    }

    /** A data source connecting as the superuser. */
    public DataSource superuserDataSource() {
        return server.dataSource(name, server.superuser(), server.superuserPassword());
    }

    /** A data source connecting as the owner: the non-superuser {@link PostgresServer#OWNER_ROLE} for restore targets. */
    public DataSource ownerDataSource() {
        return owner.equals(server.superuser()) ? superuserDataSource()
                : server.dataSource(name, owner, PostgresServer.ROLE_PASSWORD);
    }

    /**
     * Grants the backup role exactly what the mission allows, and takes from {@code PUBLIC} what it would
     * otherwise have: {@code CONNECT} on the database, {@code USAGE} on every schema, {@code SELECT} on every
     * table and sequence. Call it after creating the objects.
     *
     * @return a data source connecting as that role
     */
    public DataSource selectOnlyDataSource() {
        String reader = PostgresServer.READER_ROLE;
        server.executeAsSuperuser(name,
                "REVOKE ALL ON DATABASE " + name + " FROM PUBLIC",
                "GRANT CONNECT ON DATABASE " + name + " TO " + reader,
                "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
                "DO $$ DECLARE s text; BEGIN FOR s IN SELECT quote_ident(nspname) FROM pg_namespace "
                        + "WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' LOOP "
                        + "EXECUTE 'GRANT USAGE ON SCHEMA ' || s || ' TO " + reader + "'; "
                        + "EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA ' || s || ' TO " + reader + "'; "
                        + "EXECUTE 'GRANT SELECT ON ALL SEQUENCES IN SCHEMA ' || s || ' TO " + reader + "'; "
                        + "END LOOP; END $$");
        return server.dataSource(name, reader, PostgresServer.ROLE_PASSWORD);
    }

    /**
     * Runs statements as the superuser.
     *
     * @param sql statements, each run on its own
     */
    public void execute(String... sql) {
        server.executeAsSuperuser(name, sql);
    }

    /**
     * The independent fingerprint of some schemas of this database.
     *
     * @param schemas the schemas
     * @return the fingerprint
     */
    public Fingerprint fingerprint(String... schemas) {
        return Fingerprint.of(superuserDataSource(), List.of(schemas));
    }

    /**
     * The locks the backup role's sessions hold on relations, as {@code schema.relation Mode}, sorted.
     *
     * @return for example {@code public.t AccessShareLock}
     */
    public List<String> readerLocks() {
        List<String> locks = new ArrayList<>();
        try (Connection connection = superuserDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.relnamespace::regnamespace || '.' || c.relname "
                     + "|| ' ' || l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                     + "JOIN pg_stat_activity a ON a.pid = l.pid WHERE a.usename = '" + PostgresServer.READER_ROLE
                     + "' ORDER BY 1")) {
            while (rows.next()) {
                locks.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the locks on " + this + ": " + e.getMessage(), e);
        }
        return locks;
    }

    /** Drops the database, disconnecting anyone still on it. */
    public void drop() {
        server.executeAsSuperuser("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    @Override
    public String toString() {
        return name + " on " + server.describe();
    }
}
