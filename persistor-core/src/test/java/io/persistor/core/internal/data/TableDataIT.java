package io.persistor.core.internal.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.Format;
import io.persistor.model.Column;
import io.persistor.model.QualifiedName;
import io.persistor.model.Table;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Slices of pages, read one after another, give exactly the rows of the whole table in the same order; rows too large
 * to read whole, read a value at a time, come out as the server's own {@code COPY} writes them and restore the same.
 */
@ExtendWith(FreshDatabase.class)
class TableDataIT {

    @Test
    void slicesConcatenateToTheWholeTable(TestDatabase database) throws Exception {
        database.execute("CREATE TABLE public.t (id int, v text)",
                "INSERT INTO public.t SELECT g, md5(g::text) FROM generate_series(1, 20000) g",
                "DELETE FROM public.t WHERE id % 7 = 0", "ANALYZE public.t");
        Table table = new Table(new QualifiedName("public", "t"), false, false, List.of(), null, null, List.of(), null,
                List.of(Column.of("id", "integer", false), Column.of("v", "text", false)), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), false, false, null, null, null, null);
        for (Format format : Format.values()) {
            TableData data = new TableData(format, 100, new ValueRenderers(List.of()));
            try (Connection connection = database.superuserDataSource().getConnection()) {
                long pages;
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("SELECT relpages FROM pg_class WHERE oid = 'public.t'::regclass")) {
                    row.next();
                    pages = row.getLong(1);
                }
                assertThat(pages).isGreaterThan(10);
                ByteArrayOutputStream whole = new ByteArrayOutputStream();
                long wholeRows = data.rows(connection, table, TableData.Slice.WHOLE, false, whole);

                ByteArrayOutputStream sliced = new ByteArrayOutputStream();
                long slicedRows = data.rows(connection, table, new TableData.Slice(0, pages / 3), false, sliced)
                        + data.rows(connection, table, new TableData.Slice(pages / 3, 2 * pages / 3), false, sliced)
                        + data.rows(connection, table, new TableData.Slice(2 * pages / 3, -1), false, sliced);

                assertThat(wholeRows).isEqualTo(20000 - 20000 / 7);
                assertThat(slicedRows).isEqualTo(wholeRows);
                if (format == Format.COPY) {
                    assertThat(sliced.toByteArray()).isEqualTo(whole.toByteArray());
                } else {
                    assertThat(sliced.toString().replace(";\nINSERT INTO \"public\".\"t\" (\"id\", \"v\") VALUES\n", ",\n"))
                            .isEqualTo(whole.toString().replace(";\nINSERT INTO \"public\".\"t\" (\"id\", \"v\") VALUES\n", ",\n"));
                }
            }
        }
    }

    @Test
    void largeRowsReadAValueAtATimeMatchTheServersOwnCopy(TestDatabase database) throws Exception {
        // Every character COPY escapes, a quote, multi-byte text; 9 MB of text in one value, 2 x 4.5 MB in another
        // row's bytea and jsonb, and small rows around them.
        database.execute("CREATE TABLE public.l (id int, body text, blob bytea, doc jsonb, tag character varying(8))",
                "CREATE TABLE public.l_back (LIKE public.l)",
                "INSERT INTO public.l SELECT g, 'row ' || g, NULL, '{\"a\": 1}', 'small' FROM generate_series(1, 50) g",
                "INSERT INTO public.l SELECT 100, string_agg(md5(g::text) || E'\\t\\n\\r\\b\\f\\x0b\\\\''€𝄞', ''),"
                        + " NULL, NULL, '' FROM generate_series(1, 200000) g",
                "INSERT INTO public.l SELECT 101, NULL, string_agg(decode(md5(g::text), 'hex'), ''),"
                        + " jsonb_build_object('k', string_agg(md5(g::text) || E'\\n\\\\\"', '')), NULL"
                        + " FROM generate_series(1, 300000) g");
        Table table = new Table(new QualifiedName("public", "l"), false, false, List.of(), null, null, List.of(), null,
                List.of(Column.of("id", "integer", false), Column.of("body", "text", false),
                        Column.of("blob", "bytea", false), Column.of("doc", "jsonb", false),
                        Column.of("tag", "character varying(8)", false)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), false, false, null, null, null, null);
        try (Connection connection = database.superuserDataSource().getConnection()) {
            connection.setAutoCommit(false);
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            ByteArrayOutputStream measured = new ByteArrayOutputStream();
            TableData copy = new TableData(Format.COPY, 100, new ValueRenderers(List.of()));
            assertThat(copy.rows(connection, table, TableData.Slice.WHOLE, false, whole)).isEqualTo(52);
            assertThat(copy.rows(connection, table, TableData.Slice.WHOLE, true, measured)).isEqualTo(52);
            List<String> wholeLines = whole.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
            List<String> measuredLines = measured.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
            assertThat(wholeLines).hasSize(52);
            assertThat(measuredLines.subList(50, 52)).as("the large rows come last")
                    .allMatch(line -> line.startsWith("100\t") || line.startsWith("101\t"));
            assertSameLines(measuredLines, wholeLines);

            ByteArrayOutputStream inserts = new ByteArrayOutputStream();
            TableData statements = new TableData(Format.INSERTS, 100, new ValueRenderers(List.of()));
            assertThat(statements.rows(connection, table, TableData.Slice.WHOLE, true, inserts)).isEqualTo(52);
            try (Statement statement = connection.createStatement()) {
                statement.execute(inserts.toString(StandardCharsets.UTF_8)
                        .replace("INSERT INTO \"public\".\"l\" ", "INSERT INTO \"public\".\"l_back\" "));
                try (ResultSet differing = statement.executeQuery("SELECT count(*) FROM "
                        + "((TABLE public.l EXCEPT ALL TABLE public.l_back) UNION ALL "
                        + "(TABLE public.l_back EXCEPT ALL TABLE public.l)) d")) {
                    differing.next();
                    assertThat(differing.getLong(1)).as("rows differing after the INSERT statements").isZero();
                }
            }
            connection.rollback();
        }
    }

    /** Compares lines in any order; on a difference, shows where it starts rather than megabytes of text. */
    private static void assertSameLines(List<String> actual, List<String> expected) {
        List<String> left = actual.stream().sorted().collect(Collectors.toList());
        List<String> right = expected.stream().sorted().collect(Collectors.toList());
        assertThat(left).as("line count").hasSameSizeAs(right);
        for (int i = 0; i < left.size(); i++) {
            String a = left.get(i);
            String b = right.get(i);
            int at = 0;
            while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) {
                at++;
            }
            String where = "line starting " + b.substring(0, Math.min(12, b.length())) + " differs at " + at + " of "
                    + b.length() + ": " + a.substring(Math.max(0, at - 20), Math.min(a.length(), at + 20)) + " vs "
                    + b.substring(Math.max(0, at - 20), Math.min(b.length(), at + 20));
            assertThat(a.equals(b)).as(where).isTrue();
        }
    }
}
