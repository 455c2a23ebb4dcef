package io.persistor.examples.cli;

import io.persistor.examples.demo.Demo;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The build's training run for the launcher's class-data archive (see this module's {@code pom.xml}): runs the
 * commands people type most, in one JVM, against an embedded PostgreSQL that asks for passwords with SCRAM, as
 * servers do by default, so the archive holds what a real command loads: the connection pool, the driver's
 * authentication and cryptography, the commands and the backup, verify, restore and compare code behind them.
 * Not part of the CLI; the build runs it with {@code -XX:ArchiveClassesAtExit}.
 */
final class ClassDataTraining {

    private static final String USER = "trainer";
    private static final String PASSWORD = "training";

    private ClassDataTraining() {
    }

    /**
     * Runs the commands; exits with 1 and says which command failed if one does.
     *
     * @param args the directory to work in
     */
    public static void main(String[] args) throws IOException, SQLException {
        Path directory = Path.of(args[0]);
        Path hba = Files.writeString(directory.resolve("pg_hba.conf"), String.join("\n",
                "local all all trust", "host all postgres 127.0.0.1/32 trust", "host all postgres ::1/128 trust",
                "host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256", ""));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString())
                .setServerConfig("password_encryption", "scram-sha-256").start()) {
            try (Connection admin = postgres.getPostgresDatabase().getConnection();
                 Statement statement = admin.createStatement()) {
                statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                statement.execute("CREATE DATABASE shop OWNER " + USER);
                statement.execute("CREATE DATABASE shop_restored OWNER " + USER);
                statement.execute("CREATE DATABASE shop_restored_in_parallel OWNER " + USER);
            }
            Demo.createShop(postgres.getDatabase(USER, "shop", Map.of("password", PASSWORD)));
            String port = String.valueOf(postgres.getPort());
            String inserts = directory.resolve("shop-inserts.sql").toString();
            String copy = directory.resolve("shop-copy.sql").toString();
            run("--version");
            run(join(new String[] {"backup", "--overwrite", "-f", inserts}, connection(port, "shop")));
            run(join(new String[] {"backup", "--overwrite", "--format", "copy", "-j", "2", "-f", copy},
                    connection(port, "shop")));
            run("verify", copy);
            run("list", copy);
            run(join(new String[] {"restore", "-f", inserts}, connection(port, "shop_restored")));
            run(join(new String[] {"restore", "-j", "2", "-f", copy}, connection(port, "shop_restored_in_parallel")));
            run("compare", "--s-db", "shop", "--s-user", USER, "--s-pass", PASSWORD, "--s-port", port,
                    "--t-db", "shop_restored_in_parallel", "--t-user", USER, "--t-pass", PASSWORD, "--t-port", port);
        }
    }

    private static void run(String... args) {
        StringWriter err = new StringWriter();
        int code = PersistorCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
        if (code != ExitCode.OK) {
            System.err.println("Class-data training: persistor " + args[0] + " exited with " + code + ": " + err);
            System.exit(1);
        }
    }

    /** The options that connect a command to a database of the training server as the training role. */
    private static String[] connection(String port, String database) {
        return new String[] {"-h", "localhost", "-p", port, "-u", USER, "-P", PASSWORD, "-d", database};
    }

    private static String[] join(String[] command, String[] connection) {
        String[] all = new String[command.length + connection.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(connection, 0, all, command.length, connection.length);
        return all;
    }
}
