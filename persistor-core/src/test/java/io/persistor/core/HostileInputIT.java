package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.BackupResult;
import io.persistor.Format;
import io.persistor.Persistor;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.JdbcScript;
import io.persistor.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated hostile input, from a fixed seed: schema, table and column names built from quotes, spaces, reserved
 * words, comment and statement delimiters, unicode and names that differ only by case, up to 63 bytes; and
 * thousands of values with control characters, {@code \.} lines, dollar quotes, {@code ';--}, 4-byte unicode and
 * arbitrary bytes. Both formats restore them exactly, and nothing in them is ever executed.
 */
@ExtendWith(FreshDatabase.class)
class HostileInputIT {

    private static final long SEED = 20261125L;
    private static final int ROWS_PER_TABLE = 500;
    private static final String[] FRAGMENTS = {
        "\"", "'", " ", ";", "--", "/*", "*/", "$$", "$x$", "\\", "select", "FROM", "table", "user", "order", "Ab",
        "ab", "ü", "😀", "中文", "x\"; DROP TABLE y; --", "\t", "a.b", ",", "(", ")", "%s", "\\.", "E'", "NULL"
    };
    private static final String[] TYPES = {"text", "integer", "numeric", "bytea", "jsonb", "text[]", "boolean",
        "double precision", "timestamptz"};

    @TempDir
    Path directory;

    @Test
    void generatedHostileNamesAndValuesRoundTripInBothFormats(TestDatabase source) throws Exception {
        Random random = new Random(SEED);
        String schema = name(random, new LinkedHashSet<>());
        int values = 0;
        try (Connection connection = source.superuserDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + quote(schema));
            Set<String> tables = new LinkedHashSet<>();
            for (int t = 0; t < 6; t++) {
                String table = name(random, tables);
                Set<String> columnNames = new LinkedHashSet<>();
                List<String> columns = new ArrayList<>();
                List<String> types = new ArrayList<>();
                for (int c = 0; c < TYPES.length; c++) {
                    columns.add(name(random, columnNames));
                    types.add(TYPES[c]);
                }
                StringBuilder create = new StringBuilder("CREATE TABLE " + quote(schema) + "." + quote(table) + " (");
                StringBuilder insert = new StringBuilder("INSERT INTO " + quote(schema) + "." + quote(table) + " VALUES (");
                for (int c = 0; c < columns.size(); c++) {
                    create.append(c == 0 ? "" : ", ").append(quote(columns.get(c))).append(' ').append(types.get(c));
                    insert.append(c == 0 ? "?" : ", ?").append("::").append(types.get(c));
                }
                statement.execute(create.append(')').toString());
                try (PreparedStatement rows = connection.prepareStatement(insert.append(')').toString())) {
                    for (int r = 0; r < ROWS_PER_TABLE; r++) {
                        for (int c = 0; c < types.size(); c++) {
                            String value = value(random, types.get(c));
                            if (value == null) {
                                rows.setNull(c + 1, Types.VARCHAR);
                            } else {
                                rows.setString(c + 1, value);
                            }
                            values++;
                        }
                        rows.addBatch();
                    }
                    rows.executeBatch();
                }
            }
        }
        assertThat(values).isGreaterThanOrEqualTo(3000);
        DataSource reader = source.selectOnlyDataSource();
        Fingerprint expected = source.fingerprint(schema);
        assertThat(expected.lines()).filteredOn(line -> line.startsWith("rows ")).hasSize(6);

        for (Format format : Format.values()) {
            BackupResult backup = Persistor.backup(reader).schema(schema).format(format).rowsPerInsert(37)
                    .to(directory.resolve(format + ".sql"));
            TestDatabase target = source.server().createOwnedDatabase();
            try {
                Persistor.restore(target.ownerDataSource()).from(backup.file());
                Fingerprint.assertSame(expected, target.fingerprint(schema));
            } finally {
                target.drop();
            }
            if (format == Format.INSERTS) {
                TestDatabase plain = source.server().createOwnedDatabase();
                try {
                    JdbcScript.execute(plain.ownerDataSource(), backup.file());
                    Fingerprint.assertSame(expected, plain.fingerprint(schema));
                } finally {
                    plain.drop();
                }
            }
        }
    }

    /** A fresh name of fragments, at most 63 bytes, different from those taken (PostgreSQL compares names exactly). */
    private static String name(Random random, Set<String> taken) {
        while (true) {
            StringBuilder name = new StringBuilder();
            int parts = 1 + random.nextInt(6);
            for (int i = 0; i < parts; i++) {
                name.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            if (random.nextInt(5) == 0) {
                name.append("x".repeat(63));
            }
            String candidate = truncate(name.toString());
            if (!candidate.isEmpty() && taken.add(candidate)) {
                return candidate;
            }
        }
    }

    private static String truncate(String name) {
        String result = name;
        while (result.getBytes(StandardCharsets.UTF_8).length > 63) {
            result = result.substring(0, result.offsetByCodePoints(0, result.codePointCount(0, result.length()) - 1));
        }
        return result;
    }

    private static String value(Random random, String type) {
        if (random.nextInt(12) == 0) {
            return null;
        }
        switch (type) {
            case "integer":
                return String.valueOf(random.nextInt());
            case "numeric":
                return random.nextInt(10) == 0 ? "NaN" : random.nextLong() + "." + Math.abs(random.nextInt());
            case "bytea": {
                byte[] bytes = new byte[random.nextInt(40)];
                random.nextBytes(bytes);
                StringBuilder hex = new StringBuilder("\\x");
                for (byte b : bytes) {
                    hex.append(String.format("%02x", b));
                }
                return hex.toString();
            }
            case "jsonb":
                return "{\"k\": " + jsonString(text(random)) + ", \"n\": " + random.nextInt(100) + "}";
            case "text[]":
                return "{" + arrayElement(text(random)) + "," + arrayElement(text(random)) + ",NULL}";
            case "boolean":
                return String.valueOf(random.nextBoolean());
            case "double precision":
                return random.nextInt(10) == 0 ? "-Infinity" : String.valueOf(random.nextGaussian() * 1e10);
            case "timestamptz":
                return String.format("%04d-%02d-%02d %02d:%02d:00+%02d", 1 + random.nextInt(9000), 1 + random.nextInt(12),
                        1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(14));
            default:
                return text(random);
        }
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(8);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                case 1 -> text.append((char) (1 + random.nextInt(31)));
                case 2 -> text.append("\n\\.\n");
                case 3 -> text.append("';--");
                case 4 -> text.appendCodePoint(0x1F300 + random.nextInt(0x300));
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String arrayElement(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
