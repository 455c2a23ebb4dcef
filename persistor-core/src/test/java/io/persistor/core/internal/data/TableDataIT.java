package io.persistor.core.internal.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.Format;
import io.persistor.model.Column;
import io.persistor.model.QualifiedName;
import io.persistor.model.Table;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Slices of pages, read one after another, give exactly the rows of the whole table in the same order. */
@ExtendWith(FreshDatabase.class)
class TableDataIT {

    @Test
    void slicesConcatenateToTheWholeTable(TestDatabase database) throws Exception {
        database.execute("CREATE TABLE public.t (id int, v text)",
                "INSERT INTO public.t SELECT g, md5(g::text) FROM generate_series(1, 20000) g",
                "DELETE FROM public.t WHERE id % 7 = 0", "ANALYZE public.t");
        Table table = new Table(new QualifiedName("public", "t"), false, false, List.of(), null, null, List.of(),
                List.of(Column.of("id", "integer", false), Column.of("v", "text", false)), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), false, false, null, null, null);
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
                long wholeRows = data.rows(connection, table, TableData.Slice.WHOLE, whole);

                ByteArrayOutputStream sliced = new ByteArrayOutputStream();
                long slicedRows = data.rows(connection, table, new TableData.Slice(0, pages / 3), sliced)
                        + data.rows(connection, table, new TableData.Slice(pages / 3, 2 * pages / 3), sliced)
                        + data.rows(connection, table, new TableData.Slice(2 * pages / 3, -1), sliced);

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
}
