package io.persistor.examples.demo;

import io.persistor.BackupResult;
import io.persistor.Persistor;
import io.persistor.RestoreResult;
import io.persistor.SchemaComparison;
import io.persistor.SchemaDiff;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Starts an embedded PostgreSQL 17, creates a small shop database, backs it up as a SELECT-only role, restores it
 * into a second database owned by a non-superuser, compares the two, and shuts the server down, telling each step.
 */
public final class Demo {

    private final PrintWriter out;

    /**
     * @param out where the demo tells what it does
     */
    public Demo(PrintWriter out) {
        this.out = out;
    }

    /**
     * Runs the demo.
     *
     * @param directory where the backup file goes
     * @return whether the restored database matched the original
     */
    public boolean run(Path directory) {
        say("Starting an embedded PostgreSQL 17 (no server needed)...");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource admin = postgres.getPostgresDatabase();
            execute(admin, "CREATE DATABASE shop", "CREATE ROLE shop_reader LOGIN", "CREATE ROLE shop_owner LOGIN",
                    "CREATE DATABASE shop_restored OWNER shop_owner");
            DataSource shop = postgres.getDatabase("postgres", "shop");
            createShop(shop);
            execute(shop, "REVOKE CREATE ON SCHEMA public FROM PUBLIC", "GRANT USAGE ON SCHEMA public TO shop_reader",
                    "GRANT SELECT ON ALL TABLES IN SCHEMA public TO shop_reader",
                    "GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO shop_reader");
            say("Created database shop: customers, products, orders, order lines, a view, two functions, a trigger,"
                    + " an enum and a sequence.");

            BackupResult backup = Persistor.backup(postgres.getDatabase("shop_reader", "shop"))
                    .to(directory.resolve("shop-demo.sql"));
            say(String.format(Locale.ROOT, "Backed up as shop_reader (SELECT only): %d tables, %d rows, %d bytes in %.1f s",
                    backup.tables(), backup.rows(), backup.bytes(), backup.duration().toMillis() / 1000.0));
            say("  file: " + backup.file());

            RestoreResult restore = Persistor.restore(postgres.getDatabase("shop_owner", "shop_restored"))
                    .from(backup.file());
            say(String.format(Locale.ROOT, "Restored into shop_restored as shop_owner (not a superuser): "
                    + "%d statements, %d rows in %.1f s", restore.statements(), restore.rows(),
                    restore.duration().toMillis() / 1000.0));

            SchemaComparison comparison = SchemaDiff.between(shop, postgres.getDatabase("postgres", "shop_restored"))
                    .compute();
            say("Compared shop with shop_restored: " + comparison.report().strip());
            say("Stopping the embedded PostgreSQL.");
            return comparison.isEmpty() && restore.rows() == backup.rows();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL could not start or stop: " + e.getMessage(), e);
        }
    }

    /**
     * Creates the demo's shop (tables, a view, functions, a trigger, an enum and a sequence) in a database.
     *
     * @param database an empty database, as a role that may create in its {@code public} schema
     */
    public static void createShop(DataSource database) {
        execute(database, load("shop.sql"));
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    private static void execute(DataSource dataSource, String... sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Demo setup failed: " + e.getMessage(), e);
        }
    }

    private static String load(String resource) {
        try (InputStream in = Demo.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
