package io.persistor.examples.cli;

import com.zaxxer.hikari.HikariConfig;
import picocli.CommandLine.Option;

/** The original tool's connection options, shared by the commands that talk to one database. */
final class ConnectionOptions {

    @Option(names = {"-d", "--database"}, required = true, description = "Database name.")
    String database;

    @Option(names = {"-u", "--user"}, required = true, description = "User name.")
    String user;

    @Option(names = {"-h", "--host"}, defaultValue = "localhost", description = "Host (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = {"-p", "--port"}, defaultValue = "5432", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = {"-P", "--password"},
            description = "Password; otherwise PGPASSWORD. Other local users can see it in the process list.")
    String password;

    /** A pool configuration for this database with room for {@code connections} connections. */
    HikariConfig pool(String name, int connections) {
        HikariConfig config = new HikariConfig();
        config.setDataSourceClassName("org.postgresql.ds.PGSimpleDataSource");
        config.addDataSourceProperty("serverName", host);
        config.addDataSourceProperty("portNumber", String.valueOf(port));
        config.addDataSourceProperty("databaseName", database);
        config.setUsername(user);
        String secret = password != null ? password : System.getenv("PGPASSWORD");
        if (secret != null) {
            config.setPassword(secret);
        }
        config.setMaximumPoolSize(connections);
        config.setPoolName(name);
        return config;
    }
}
