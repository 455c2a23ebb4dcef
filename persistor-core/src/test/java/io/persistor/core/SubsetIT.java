package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.BackupResult;
import io.persistor.Format;
import io.persistor.Persistor;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Subset backups: the rows a condition or limit picks, plus every row they reference (through composite,
 * self-referencing and cyclic foreign keys, and into partitioned tables), restore with every foreign key valid;
 * each table's restored rows are exactly the rows an independent recursive query over the source picks.
 */
class SubsetIT {

    private static final String RECENT = "created >= DATE '2026-08-20'";

    @TempDir
    Path directory;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void aConditionKeepsItsRowsAndEveryRowTheyReference(int major) throws Exception {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            seed(source);
            Map<String, List<String>> expected = rows(source.superuserDataSource(), Map.of(
                    "region", "(code, country) IN (SELECT region_code, region_country FROM customer WHERE id IN "
                            + "(SELECT id FROM kept_customer))",
                    "customer", "id IN (SELECT id FROM kept_customer)",
                    "orders", RECENT,
                    "order_line", "false",
                    "payment", "false",
                    "department", "true",
                    "employee", "true",
                    "setting", "true"));
            assertThat(expected.get("customer")).as("a proper subset of the 200 customers").hasSizeBetween(2, 150);
            assertThat(expected.get("orders")).hasSizeBetween(2, 50);
            for (Format format : Format.values()) {
                BackupResult backup = Persistor.backup(source.selectOnlyDataSource()).format(format)
                        .where("public.orders", RECENT).to(directory.resolve(major + "-" + format + ".sql"));
                assertThat(Files.readString(backup.file())).contains("-- Subset: where {public.orders=" + RECENT);
                assertRestoresTo(server, backup.file(), expected);
            }
        } finally {
            source.drop();
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void aCycleOfKeysAndReferencingRowsAreFollowed(int major) throws Exception {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            seed(source);
            // Employee 7 and its department; the department's head and that head's department, and so on round
            // the cycle; one step down, every employee of a kept department and every department a kept employee
            // heads, with what they reference in turn.
            DataSource data = source.superuserDataSource();
            List<String> employees = closure(data, "SELECT 7");
            Map<String, List<String>> expected = rows(data, Map.of(
                    "employee", "id IN (" + String.join(",", employees) + ")",
                    "department", "id IN (SELECT dept_id FROM employee WHERE id IN (" + String.join(",", employees)
                            + "))",
                    "setting", "true"));
            BackupResult backup = Persistor.backup(source.selectOnlyDataSource()).tables("employee", "department",
                    "setting").where("employee", "id = 7").followReferencing(1)
                    .to(directory.resolve(major + "-cycle.sql"));
            assertRestoresTo(server, backup.file(), expected);
        } finally {
            source.drop();
        }
    }

    @Test
    void aLimitTakesTheFirstRowsByPrimaryKeyWithWhatTheyReference() throws Exception {
        PostgresServer server = PostgresServers.defaultServer();
        TestDatabase source = server.createDatabase();
        try {
            seed(source);
            Map<String, List<String>> expected = rows(source.superuserDataSource(), Map.of(
                    "order_line", "(order_id, n) IN (SELECT order_id, n FROM order_line ORDER BY order_id, n LIMIT 5)",
                    "orders", "id IN (SELECT order_id FROM order_line ORDER BY order_id, n LIMIT 5)",
                    "customer", "id IN (SELECT id FROM kept_customer_of_lines)",
                    "region", "(code, country) IN (SELECT region_code, region_country FROM customer WHERE id IN "
                            + "(SELECT id FROM kept_customer_of_lines))",
                    "payment", "false",
                    "department", "true",
                    "employee", "true",
                    "setting", "true"));
            BackupResult backup = Persistor.backup(source.selectOnlyDataSource()).limit("order_line", 5)
                    .to(directory.resolve("limit.sql"));
            assertRestoresTo(server, backup.file(), expected);
            assertThat(Persistor.verify(backup.file()).rows()).containsEntry("public.order_line", 5L);
        } finally {
            source.drop();
        }
    }

    @Test
    void aTableTheBackupDoesNotWriteIsNamed() {
        TestDatabase source = PostgresServers.defaultServer().createDatabase();
        try {
            seed(source);
            assertThatThrownBy(() -> Persistor.backup(source.selectOnlyDataSource()).where("public.nothing", "true")
                    .to(directory.resolve("x.sql"))).hasMessageContaining("where(\"public.nothing\", ...) names no table");
            assertThat(directory.resolve("x.sql")).doesNotExist();
        } finally {
            source.drop();
        }
    }

    /**
     * Regions with a composite key; customers referring to customers (a chain); orders, their lines, payments in a
     * partitioned table; departments and employees referencing each other; a setting table linked to nothing.
     */
    private static void seed(TestDatabase source) {
        source.execute(
                "CREATE TABLE region (code text, country text, PRIMARY KEY (code, country))",
                "INSERT INTO region SELECT 'r' || g, c FROM generate_series(1, 10) g, unnest(ARRAY['DE', 'FR']) c",
                "CREATE TABLE customer (id int PRIMARY KEY, referred_by int REFERENCES customer, region_code text, "
                        + "region_country text, FOREIGN KEY (region_code, region_country) REFERENCES region)",
                "INSERT INTO customer SELECT g, CASE WHEN g > 1 THEN g - 1 + (g % 3 = 0)::int * 0 - (g % 5 = 0)::int "
                        + "END, 'r' || (g % 10 + 1), CASE WHEN g % 2 = 0 THEN 'DE' ELSE 'FR' END "
                        + "FROM generate_series(1, 200) g",
                "UPDATE customer SET referred_by = NULL WHERE id % 17 = 0",
                "CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customer, created date)",
                "INSERT INTO orders SELECT g, (g * 37) % 200 + 1, DATE '2026-01-01' + (g % 240) FROM generate_series(1, 300) g",
                "CREATE TABLE order_line (order_id int REFERENCES orders, n int, amount numeric, PRIMARY KEY (order_id, n))",
                "INSERT INTO order_line SELECT o, n, o * n FROM generate_series(1, 300) o, generate_series(1, 3) n",
                "CREATE TABLE payment (id int, customer_id int REFERENCES customer, paid date, PRIMARY KEY (id, paid)) "
                        + "PARTITION BY RANGE (paid)",
                "CREATE TABLE payment_h1 PARTITION OF payment FOR VALUES FROM ('2026-01-01') TO ('2026-07-01')",
                "CREATE TABLE payment_h2 PARTITION OF payment FOR VALUES FROM ('2026-07-01') TO ('2027-01-01')",
                "INSERT INTO payment SELECT g, g % 200 + 1, DATE '2026-01-01' + (g % 360) FROM generate_series(1, 400) g",
                "CREATE TABLE department (id int PRIMARY KEY, head_id int)",
                "CREATE TABLE employee (id int PRIMARY KEY, dept_id int REFERENCES department)",
                "INSERT INTO department SELECT g, NULL FROM generate_series(1, 6) g",
                "INSERT INTO employee SELECT g, g % 6 + 1 FROM generate_series(1, 30) g",
                "UPDATE department SET head_id = (id * 5) % 30 + 1",
                "ALTER TABLE department ADD FOREIGN KEY (head_id) REFERENCES employee",
                "CREATE TABLE setting (name text PRIMARY KEY, value text)",
                "INSERT INTO setting VALUES ('a', '1'), ('b', '2')",
                // The independent expectation of the customers kept: those recent orders reference, and every
                // customer that referred them, transitively.
                "CREATE VIEW kept_customer AS WITH RECURSIVE c(id) AS (SELECT customer_id FROM orders WHERE "
                        + RECENT + " UNION SELECT cu.referred_by FROM customer cu JOIN c ON cu.id = c.id "
                        + "WHERE cu.referred_by IS NOT NULL) SELECT id FROM c",
                "CREATE VIEW kept_customer_of_lines AS WITH RECURSIVE c(id) AS (SELECT customer_id FROM orders WHERE "
                        + "id IN (SELECT order_id FROM order_line ORDER BY order_id, n LIMIT 5) UNION SELECT "
                        + "cu.referred_by FROM customer cu JOIN c ON cu.id = c.id WHERE cu.referred_by IS NOT NULL) "
                        + "SELECT id FROM c");
    }

    /**
     * The employees kept from a start: each step adds the heads of kept employees' departments, and (one step down
     * from the start's rows, as followReferencing(1) does) the employees of those departments and what they
     * reference. Computed here by plain queries until nothing changes.
     */
    private static List<String> closure(DataSource data, String start) throws SQLException {
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement()) {
            String kept = "WITH RECURSIVE up(id) AS (" + start + " UNION SELECT d.head_id FROM up "
                    + "JOIN employee e ON e.id = up.id JOIN department d ON d.id = e.dept_id) ";
            List<String> ids = new ArrayList<>();
            // Depth 0: the cycle upward from employee 7. Depth 1: employees of those departments, departments
            // those employees head, and the cycle upward from all of them.
            String depthOne = kept + ", first AS (SELECT id FROM up), more(id) AS (SELECT id FROM first UNION "
                    + "SELECT e.id FROM employee e WHERE e.dept_id IN (SELECT dept_id FROM employee WHERE id IN "
                    + "(SELECT id FROM first)) UNION SELECT d.head_id FROM department d WHERE d.id IN (SELECT "
                    + "dept_id FROM employee WHERE id IN (SELECT id FROM first))), "
                    + "closed(id) AS (SELECT id FROM more UNION SELECT d.head_id FROM closed JOIN employee e ON "
                    + "e.id = closed.id JOIN department d ON d.id = e.dept_id) SELECT id FROM closed ORDER BY id";
            statement.execute("SET search_path = public");
            try (ResultSet rows = statement.executeQuery(depthOne)) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /** Each table's rows as text, sorted, where its condition holds. */
    private static Map<String, List<String>> rows(DataSource data, Map<String, String> conditions) throws SQLException {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : conditions.entrySet()) {
                List<String> found = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT t::text FROM public." + table.getKey()
                        + " t WHERE " + table.getValue() + " ORDER BY 1")) {
                    while (result.next()) {
                        found.add(result.getString(1));
                    }
                }
                rows.put(table.getKey(), found);
            }
        }
        return rows;
    }

    private static void assertRestoresTo(PostgresServer server, Path file, Map<String, List<String>> expected)
            throws SQLException {
        TestDatabase target = server.createOwnedDatabase();
        try {
            Persistor.restore(target.ownerDataSource()).from(file);
            Map<String, String> all = new TreeMap<>();
            expected.keySet().forEach(table -> all.put(table, "true"));
            assertThat(rows(target.superuserDataSource(), all)).as(file.toString()).isEqualTo(expected);
            try (Connection connection = target.superuserDataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet invalid = statement.executeQuery("SELECT count(*) FILTER (WHERE NOT convalidated), "
                         + "count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace")) {
                invalid.next();
                assertThat(invalid.getInt(1)).as("foreign keys not validated").isZero();
                assertThat(invalid.getInt(2)).as("foreign keys").isPositive();
            }
        } finally {
            target.drop();
        }
    }
}
