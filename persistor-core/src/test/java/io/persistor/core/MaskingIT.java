package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.Backup;
import io.persistor.Format;
import io.persistor.Mask;
import io.persistor.Masks;
import io.persistor.Persistor;
import io.persistor.spi.ColumnTransformer;
import io.persistor.spi.ColumnTransformerProvider;
import io.persistor.spi.MaskingKey;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.Queries;
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
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Masked columns: no original value reaches the file, in either format; the file restores with its unique and
 * foreign keys valid because masks keep distinct values distinct and spread along foreign keys; the same key gives
 * the same file; options that cannot hold are refused before anything is read; transformers of one's own are found
 * through {@code ServiceLoader}.
 */
class MaskingIT {

    private static final String KEY = "a masking key of the tests";

    @TempDir
    Path directory;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void maskedColumnsNeverReachTheFileAndKeysStillHold(int major) throws Exception {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            seed(source);
            DataSource original = source.superuserDataSource();
            List<String> secrets = new ArrayList<>();
            for (String column : List.of("email", "full_name", "phone", "note")) {
                secrets.addAll(Queries.column(original, "SELECT " + column + " FROM customer WHERE " + column + " IS NOT NULL"));
            }
            assertThat(secrets).hasSize(4 * 300);
            for (Format format : Format.values()) {
                Path file = masked(source, format).to(directory.resolve(major + "-" + format + ".sql")).file();
                String script = Files.readString(file);
                assertThat(secrets).as("original values in the file").noneMatch(script::contains);
                assertThat(script).contains("-- Masked: public.customer.id number(1, 1000000), public.customer.email "
                        + "email, public.customer.full_name name, public.customer.phone phone, public.customer.born "
                        + "dateShift(30), public.customer.joined dateShift(30), public.customer.note null, "
                        + "public.account.customer_id number(1, 1000000) (by foreign key from public.customer.id), "
                        + "public.orders.customer_id number(1, 1000000) (by foreign key from public.customer.id), "
                        + "public.orders.customer_email email (by foreign key from public.customer.email)\n");

                TestDatabase target = server.createOwnedDatabase();
                try {
                    Persistor.restore(target.ownerDataSource()).from(file);
                    assertMaskedAlike(original, target.ownerDataSource());
                } finally {
                    target.drop();
                }
            }
        } finally {
            source.drop();
        }
    }

    @Test
    void theSameKeyGivesTheSameFileAndAnotherKeyAnother() throws Exception {
        TestDatabase source = PostgresServers.defaultServer().createDatabase();
        try {
            seed(source);
            byte[] first = Files.readAllBytes(masked(source, Format.COPY).reproducible()
                    .to(directory.resolve("first.sql")).file());
            byte[] again = Files.readAllBytes(masked(source, Format.COPY).reproducible()
                    .to(directory.resolve("again.sql")).file());
            byte[] other = Files.readAllBytes(masked(source, Format.COPY).reproducible().maskingKey(KEY + " 2")
                    .to(directory.resolve("other.sql")).file());
            byte[] random = Files.readAllBytes(masked(source, Format.COPY).reproducible().maskingKey(null)
                    .to(directory.resolve("random.sql")).file());

            assertThat(again).isEqualTo(first);
            assertThat(other).isNotEqualTo(first);
            assertThat(random).isNotEqualTo(first);
        } finally {
            source.drop();
        }
    }

    @Test
    void masksThatCannotHoldAreRefusedBeforeAnythingIsRead() {
        TestDatabase source = PostgresServers.defaultServer().createDatabase();
        try {
            seed(source);
            Map<Consumer<Backup>, String> refused = Map.of(
                    b -> b.mask("public.customer.code", Masks.nullValue()), "the column is NOT NULL",
                    b -> b.mask("customer.code", Masks.constant("x")), "the column is unique",
                    b -> b.mask("public.orders.customer_id", Masks.dateShift(3)), "the mask depends on the row",
                    b -> b.mask("public.customer.email", Masks.email()).mask("public.orders.customer_email",
                            Masks.hash()), "must be masked alike",
                    b -> b.mask("public.customer.email", Mask.of("nonesuch")), "no transformer is named 'nonesuch'",
                    b -> b.mask("public.customer.nonesuch", Masks.hash()), "names no column of public.customer",
                    b -> b.mask("public.customer.phone", Mask.of("number", "1")), "number takes 2 arguments",
                    b -> b.mask("public.customer.shout", Masks.hash()), "names a generated column");
            refused.forEach((option, message) -> {
                Backup backup = Persistor.backup(source.selectOnlyDataSource()).maskingKey(KEY);
                option.accept(backup);
                assertThatThrownBy(() -> backup.to(directory.resolve("refused.sql"))).hasMessageContaining(message);
                assertThat(directory.resolve("refused.sql")).doesNotExist();
            });
        } finally {
            source.drop();
        }
    }

    @Test
    void aTransformerOfOnesOwnIsFoundThroughServiceLoader() throws Exception {
        PostgresServer server = PostgresServers.defaultServer();
        TestDatabase source = server.createDatabase();
        try {
            seed(source);
            Path file = Persistor.backup(source.selectOnlyDataSource()).format(Format.INSERTS)
                    .mask("public.customer.full_name", Mask.of("reverse")).to(directory.resolve("own.sql")).file();
            TestDatabase target = server.createOwnedDatabase();
            try {
                Persistor.restore(target.ownerDataSource()).from(file);
                assertThat(Queries.column(target.ownerDataSource(), "SELECT full_name FROM customer WHERE code = 'c-7'"))
                        .containsExactly("7 nosreP laeR");
            } finally {
                target.drop();
            }
        } finally {
            source.drop();
        }
    }

    private static Backup masked(TestDatabase source, Format format) {
        return Persistor.backup(source.selectOnlyDataSource()).format(format).maskingKey(KEY)
                .mask("public.customer.id", Masks.number(1, 1_000_000))
                .mask("public.customer.email", Masks.email())
                .mask("customer.full_name", Masks.name())
                .mask("public.customer.phone", Masks.phone())
                .mask("public.customer.born", Masks.dateShift(30))
                .mask("public.customer.joined", Masks.dateShift(30))
                .mask("public.customer.note", Masks.nullValue());
    }

    /**
     * The restored rows keep each customer's orders and accounts (matched by the unmasked code), the shapes of
     * the masked values, each row's dates moved alike by at most 30 days, and nothing of the masked values.
     */
    private static void assertMaskedAlike(DataSource source, DataSource target) throws SQLException {
        String byCode = "SELECT c.code, count(DISTINCT o.id), count(DISTINCT a.seq), "
                + "count(DISTINCT o.id) FILTER (WHERE o.customer_email = c.email) FROM customer c "
                + "LEFT JOIN orders o ON o.customer_id = c.id LEFT JOIN account a ON a.customer_id = c.id "
                + "GROUP BY c.code";
        assertThat(rows(target, byCode)).isEqualTo(rows(source, byCode));
        String shapes = "SELECT code, id, email, full_name, regexp_replace(phone, '[0-9]', '9', 'g'), born, "
                + "joined - born::timestamptz, note FROM customer";
        Map<String, List<String>> before = rows(source, shapes);
        Map<String, List<String>> after = rows(target, shapes);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        int idsMoved = 0;
        for (String code : before.keySet()) {
            List<String> was = before.get(code);
            List<String> is = after.get(code);
            idsMoved += was.get(0).equals(is.get(0)) ? 0 : 1;
            assertThat(Long.parseLong(is.get(0))).isBetween(1L, 1_000_000L);
            assertThat(is.get(1)).matches("[a-z2-7]{12}@example\\.com");
            assertThat(is.get(2)).matches("[A-Z][a-z]{3,7} [A-Z][a-z]{5,9}");
            assertThat(is.get(3)).as("the phone's format").isEqualTo(was.get(3));
            long shift = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(was.get(4)),
                    java.time.LocalDate.parse(is.get(4)));
            assertThat(Math.abs(shift)).isBetween(1L, 30L);
            assertThat(is.get(5)).as("the interval between a row's dates").isEqualTo(was.get(5));
            assertThat(is.get(6)).isNull();
        }
        assertThat(idsMoved).isGreaterThan(290);
    }

    private static void seed(TestDatabase source) {
        source.execute("""
                CREATE TABLE public.customer (
                    id int PRIMARY KEY,
                    code text NOT NULL UNIQUE,
                    email text NOT NULL UNIQUE,
                    full_name text,
                    phone text,
                    born date,
                    joined timestamptz,
                    note text,
                    shout text GENERATED ALWAYS AS (upper(full_name)) STORED)""",
                "CREATE TABLE public.orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES public.customer, "
                        + "customer_email text REFERENCES public.customer (email), placed date)",
                "CREATE TABLE public.account (customer_id int REFERENCES public.customer, seq int, "
                        + "PRIMARY KEY (customer_id, seq))",
                "INSERT INTO public.customer SELECT g, 'c-' || g, 'person' || g || '@mail.test', 'Real Person ' || g, "
                        + "'+1 (555) ' || lpad(g::text, 3, '0') || '-' || lpad((g * 7)::text, 4, '0'), "
                        + "DATE '1980-01-01' + g * 17, TIMESTAMPTZ '2020-03-01 10:30:00+00' + g * interval '1 day 1 hour', "
                        + "'private note ' || g FROM generate_series(1, 300) g",
                "INSERT INTO public.orders SELECT g, 1 + g % 300, CASE WHEN g % 3 = 0 THEN 'person' || (1 + g % 300) "
                        + "|| '@mail.test' END, DATE '2026-01-01' + g % 200 FROM generate_series(1, 900) g",
                "INSERT INTO public.account SELECT 1 + g % 300, g FROM generate_series(1, 450) g");
    }

    /** Each row's columns after the first, by the first. */
    private static Map<String, List<String>> rows(DataSource data, String sql) throws SQLException {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 2; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.put(result.getString(1), values);
            }
        }
        return rows;
    }

    /** A transformer of the tests' own, registered in {@code META-INF/services}: writes values backwards. */
    public static final class Reversing implements ColumnTransformerProvider {

        @Override
        public Optional<ColumnTransformer> create(String name, List<String> arguments, MaskingKey key) {
            return name.equals("reverse") ? Optional.of((value, row) -> value == null ? null
                    : new StringBuilder(value).reverse().toString()) : Optional.empty();
        }
    }
}
