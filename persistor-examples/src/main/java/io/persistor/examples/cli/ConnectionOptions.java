package io.persistor.examples.cli;

import com.zaxxer.hikari.HikariConfig;
import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The original tool's connection options, shared by the commands that talk to one database. Unset options fall
 * back to libpq's environment variables ({@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER},
 * {@code PGPASSWORD}, {@code PGSSLMODE}); without a password, pgjdbc looks in {@code ~/.pgpass}, and when there is
 * none and a terminal is attached the password is asked for.
 */
final class ConnectionOptions {

    @Option(names = {"-d", "--database"}, defaultValue = "${env:PGDATABASE}",
            description = "Database name (default: PGDATABASE).")
    String database;

    @Option(names = {"-u", "--user"}, defaultValue = "${env:PGUSER}", description = "User name (default: PGUSER).")
    String user;

    @Option(names = {"-h", "--host"}, defaultValue = "${env:PGHOST:-localhost}",
            description = "Host (default: PGHOST, else localhost).")
    String host;

    @Option(names = {"-p", "--port"}, defaultValue = "${env:PGPORT:-5432}",
            description = "Port (default: PGPORT, else 5432).")
    int port;

    @Option(names = {"-P", "--password"},
            description = "Password; otherwise PGPASSWORD, ~/.pgpass or a prompt. Other local users can see -P in "
                    + "the process list.")
    String password;

    @Option(names = "--sslmode", defaultValue = "${env:PGSSLMODE}",
            description = "disable, allow, prefer, require, verify-ca or verify-full (default: PGSSLMODE, else pgjdbc's).")
    String sslMode;

    /** Fails with a usage error, naming them, when required settings are missing. */
    void requireComplete(CommandLine commandLine) {
        String missing = missing();
        if (!missing.isEmpty()) {
            throw new ParameterException(commandLine, "Missing required options: " + missing);
        }
    }

    private String missing() {
        StringBuilder missing = new StringBuilder();
        if (database == null || database.isEmpty()) {
            missing.append("'--database' (or PGDATABASE)");
        }
        if (user == null || user.isEmpty()) {
            missing.append(missing.length() > 0 ? ", " : "").append("'--user' (or PGUSER)");
        }
        return missing.toString();
    }

    /** A pool configuration for this database with room for {@code connections} connections. */
    HikariConfig pool(String name, int connections) {
        HikariConfig config = new HikariConfig();
        config.setDataSourceClassName("org.postgresql.ds.PGSimpleDataSource");
        config.addDataSourceProperty("serverName", host);
        config.addDataSourceProperty("portNumber", String.valueOf(port));
        config.addDataSourceProperty("databaseName", database);
        // The sessions show in pg_stat_activity and the server's log by the pool's name, as pg_dump's by "pg_dump".
        config.addDataSourceProperty("applicationName", name);
        if (sslMode != null && !sslMode.isEmpty()) {
            config.addDataSourceProperty("sslMode", sslMode);
        }
        config.setUsername(user);
        String secret = password != null ? password : System.getenv("PGPASSWORD");
        if (secret == null && !hasPasswordFile()) {
            secret = prompt();
        }
        if (secret != null) {
            config.setPassword(secret);
        }
        config.setMaximumPoolSize(connections);
        config.setPoolName(name);
        return config;
    }

    private String prompt() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] typed = console.readPassword("Password for %s@%s: ", user, host);
        return typed == null ? null : new String(typed);
    }

    private static boolean hasPasswordFile() {
        String file = System.getenv("PGPASSFILE");
        Path path = file != null ? Path.of(file) : Path.of(System.getProperty("user.home"), ".pgpass");
        return Files.isReadable(path);
    }
}
