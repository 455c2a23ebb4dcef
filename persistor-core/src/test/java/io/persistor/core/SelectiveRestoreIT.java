package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.Format;
import io.persistor.Persistor;
import io.persistor.Restore;
import io.persistor.ScriptEntry;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.Queries;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A backup's table of contents ({@code Persistor.contents}), and restores of part of a full file: chosen tables
 * with what belongs to them, all but some tables, one schema, what a filter file takes, into an empty database or
 * one in use; from Persistor's files and pg_dump's. Restored tables are compared with the source by row digests.
 */
class SelectiveRestoreIT {

    private static final List<String> TABLES = List.of("shop.customer", "shop.orders", "shop.product", "shop.event",
            "audit.log");

    @TempDir
    Path directory;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void restoresChosenTablesSchemasAndFilterFilesFromAFullBackup(int major) throws Exception {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            seed(source);
            Map<String, String> digests = digests(source.superuserDataSource(), TABLES);
            for (Format format : Format.values()) {
                Path file = Persistor.backup(source.selectOnlyDataSource()).schemas("shop", "audit").format(format)
                        .to(directory.resolve(major + "-" + format + ".sql")).file();
                assertListsItsObjects(Persistor.contents(file));

                assertRestores(server, file, r -> r.table("shop.orders", "customer"),
                        only(digests, "shop.customer", "shop.orders"));
                assertRestores(server, file, r -> r.table("shop.event"), only(digests, "shop.event"));
                assertRestores(server, file, r -> r.excludeTable("shop.orders"),
                        only(digests, "shop.customer", "shop.product", "shop.event", "audit.log"));
                assertRestores(server, file, r -> r.schema("audit"), only(digests, "audit.log"));
                Path filter = Files.writeString(directory.resolve("filter.txt"), """
                        # customers without their rows, and the products
                        include table shop.customer
                        include table "shop".prod*   # a quoted schema, a wildcard
                        exclude table_data shop.customer
                        """);
                Map<String, String> filtered = only(digests, "shop.product");
                filtered.put("shop.customer", "empty");
                assertRestores(server, file, r -> r.filter(filter), filtered);
            }
        } finally {
            source.drop();
        }
    }

    @Test
    void restoresATableIntoADatabaseInUseOnlyWhenToldToReplaceIt() throws Exception {
        PostgresServer server = PostgresServers.defaultServer();
        TestDatabase source = server.createDatabase();
        TestDatabase target = server.createOwnedDatabase();
        try {
            seed(source);
            Path file = Persistor.backup(source.selectOnlyDataSource()).schemas("shop", "audit")
                    .to(directory.resolve("full.sql")).file();
            Persistor.restore(target.ownerDataSource()).from(file);
            execute(target.ownerDataSource(), "INSERT INTO shop.customer (email) VALUES ('new@shop.test')",
                    "DELETE FROM shop.product WHERE code = 'p-3'");

            assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource()).table("shop.product").from(file))
                    .hasMessageContaining("the target already has table shop.product");
            Persistor.restore(target.ownerDataSource()).table("shop.product").cleanFirst().from(file);

            Map<String, String> expected = digests(source.superuserDataSource(), List.of("shop.product"));
            assertThat(digests(target.ownerDataSource(), List.of("shop.product"))).isEqualTo(expected);
            assertThat(count(target.ownerDataSource(), "shop.customer")).as("rows of a table left alone").isEqualTo(31);
            assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource()).table("shop.customer").cleanFirst()
                    .from(file)).as("a table others depend on is not dropped with them")
                    .hasMessageContaining("depend");
            assertThat(count(target.ownerDataSource(), "shop.customer")).isEqualTo(31);
        } finally {
            source.drop();
            target.drop();
        }
    }

    @Test
    void listsAndRestoresTablesOfAPgDumpFile() throws Exception {
        PostgresServer server = PostgresServers.major(15);
        TestDatabase source = server.createDatabase();
        try {
            seed(source);
            Path dump = directory.resolve("pg_dump.sql");
            Process pgDump = new ProcessBuilder("pg_dump", "-h", server.host(), "-p", String.valueOf(server.port()),
                    "-U", server.superuser(), "--no-owner", "-f", dump.toString(), source.name())
                    .redirectErrorStream(true).start();
            assertThat(pgDump.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(pgDump.exitValue()).as(new String(pgDump.getInputStream().readAllBytes())).isZero();

            assertListsItsObjects(Persistor.contents(dump));
            Map<String, String> digests = digests(source.superuserDataSource(), TABLES);
            assertRestores(server, dump, r -> r.allowMissingClosingMarker().table("shop.orders", "shop.customer"),
                    only(digests, "shop.customer", "shop.orders"));
            assertRestores(server, dump, r -> r.allowMissingClosingMarker().excludeTable("shop.customer")
                    .excludeTable("shop.orders"), only(digests, "shop.product", "shop.event", "audit.log"));
        } finally {
            source.drop();
        }
    }

    private static void assertListsItsObjects(List<ScriptEntry> contents) {
        assertThat(contents).anySatisfy(e -> assertThat(e).extracting(ScriptEntry::kind, ScriptEntry::schema,
                ScriptEntry::name, ScriptEntry::section).containsExactly("TABLE", "shop", "customer", "pre-data"));
        assertThat(contents).filteredOn(e -> e.kind().equals("TABLE DATA"))
                .extracting(ScriptEntry::table, ScriptEntry::rows).contains(
                        Tuple.tuple("shop.customer", 30L),
                        Tuple.tuple("shop.orders", 90L),
                        Tuple.tuple("shop.event_2025", 12L),
                        Tuple.tuple("audit.log", 5L));
        assertThat(contents).anySatisfy(e -> assertThat(e).extracting(ScriptEntry::kind, ScriptEntry::name,
                ScriptEntry::table, ScriptEntry::section).containsExactly("INDEX", "orders_placed_idx",
                "shop.orders", "post-data"));
        assertThat(contents).anySatisfy(e -> assertThat(e).extracting(ScriptEntry::kind, ScriptEntry::table,
                ScriptEntry::section).containsExactly("FK CONSTRAINT", "shop.orders", "post-data"));
        assertThat(contents).anySatisfy(e -> assertThat(e).extracting(ScriptEntry::kind, ScriptEntry::name,
                ScriptEntry::table).containsExactly("SEQUENCE SET", "customer_id_seq", "shop.customer"));
        assertThat(contents).anySatisfy(e -> assertThat(e).extracting(ScriptEntry::kind, ScriptEntry::name)
                .containsExactly("VIEW", "big_customers"));
    }

    /**
     * Restores part of a file into a new database and checks that exactly the expected tables are there (with a
     * partitioned table's partitions), each with the rows expected of it (the source's, or none), the sequence of
     * the customers' key with the source's value and the foreign key of the orders.
     */
    private static void assertRestores(PostgresServer server, Path file, UnaryOperator<Restore> selection,
            Map<String, String> expected) throws SQLException {
        TestDatabase target = server.createOwnedDatabase();
        try {
            selection.apply(Persistor.restore(target.ownerDataSource())).from(file);
            List<String> present = tables(target.ownerDataSource());
            assertThat(present).as("tables restored from " + file.getFileName()).containsExactlyInAnyOrderElementsOf(
                    expected.keySet().stream().flatMap(t -> t.equals("shop.event")
                            ? Stream.of(t, "shop.event_2025", "shop.event_2026") : Stream.of(t)).toList());
            assertThat(digests(target.ownerDataSource(), List.copyOf(expected.keySet()))).isEqualTo(expected);
            if (expected.containsKey("shop.customer")) {
                assertThat(Queries.column(target.ownerDataSource(), "SELECT last_value FROM shop.customer_id_seq"))
                        .containsExactly("30");
            }
            if (expected.containsKey("shop.orders")) {
                assertThat(Queries.column(target.ownerDataSource(), "SELECT count(*) FROM pg_catalog.pg_constraint "
                        + "WHERE contype = 'f' AND conrelid = 'shop.orders'::regclass")).containsExactly("1");
            }
        } finally {
            target.drop();
        }
    }

    /** The source's digests of some tables. */
    private static Map<String, String> only(Map<String, String> digests, String... tables) {
        Map<String, String> chosen = new TreeMap<>();
        for (String table : tables) {
            chosen.put(table, digests.get(table));
        }
        return chosen;
    }

    private static void seed(TestDatabase source) {
        source.execute("CREATE SCHEMA shop", "CREATE SCHEMA audit",
                "CREATE TABLE shop.customer (id serial PRIMARY KEY, email text NOT NULL UNIQUE)",
                "COMMENT ON TABLE shop.customer IS 'who buys'",
                "CREATE TABLE shop.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                        + "customer_id int NOT NULL CONSTRAINT orders_customer_fk REFERENCES shop.customer, placed date)",
                "CREATE INDEX orders_placed_idx ON shop.orders (placed)",
                "CREATE TABLE shop.product (code text PRIMARY KEY, price numeric(8,2))",
                "CREATE TABLE shop.event (at date NOT NULL, what text) PARTITION BY RANGE (at)",
                "CREATE TABLE shop.event_2025 PARTITION OF shop.event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
                "CREATE TABLE shop.event_2026 PARTITION OF shop.event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                "CREATE VIEW shop.big_customers AS SELECT * FROM shop.customer WHERE id > 10",
                "CREATE TABLE audit.log (id int PRIMARY KEY, note text)",
                "INSERT INTO shop.customer (email) SELECT 'c' || g || '@shop.test' FROM generate_series(1, 30) g",
                "INSERT INTO shop.orders (customer_id, placed) SELECT 1 + g % 30, DATE '2026-01-01' + g "
                        + "FROM generate_series(1, 90) g",
                "INSERT INTO shop.product SELECT 'p-' || g, g * 1.5 FROM generate_series(1, 8) g",
                "INSERT INTO shop.event SELECT DATE '2025-01-15' + g * 30, 'event ' || g FROM generate_series(0, 19) g",
                "INSERT INTO audit.log SELECT g, 'note ' || g FROM generate_series(1, 5) g");
    }

    /** Each table's rows as one digest, or {@code empty}. */
    private static Map<String, String> digests(DataSource data, List<String> tables) throws SQLException {
        Map<String, String> digests = new TreeMap<>();
        for (String table : tables) {
            digests.put(table, Queries.column(data, "SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), 'empty') "
                    + "FROM " + table + " t").get(0));
        }
        return digests;
    }

    private static List<String> tables(DataSource data) throws SQLException {
        return Queries.column(data, "SELECT table_schema || '.' || table_name FROM information_schema.tables "
                + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')");
    }

    private static long count(DataSource data, String table) throws SQLException {
        return Long.parseLong(Queries.column(data, "SELECT count(*) FROM " + table).get(0));
    }

    private static void execute(DataSource data, String... sql) throws SQLException {
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
