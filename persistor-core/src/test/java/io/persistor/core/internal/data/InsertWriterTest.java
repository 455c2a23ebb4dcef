package io.persistor.core.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.model.Column;
import io.persistor.model.Identity;
import io.persistor.model.QualifiedName;
import io.persistor.model.Sequence;
import io.persistor.spi.TypeRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsertWriterTest {

    private static final Column ID = Column.of("id", "integer", true);
    private static final Column NAME = Column.of("name", "text", false);
    private static final QualifiedName TABLE = new QualifiedName("public", "t");

    @Test
    void groupsRowsIntoStatementsOfTheRequestedSize() throws IOException {
        String sql = write(TABLE, List.of(ID, NAME), 2, "1\ta\n", "2\t\\N\n", "3\tit's\n");
        assertThat(sql).isEqualTo("""
                INSERT INTO "public"."t" ("id", "name") VALUES
                (1, 'a'),
                (2, NULL);
                INSERT INTO "public"."t" ("id", "name") VALUES
                (3, 'it''s');
                """);
    }

    @Test
    void writesNumbersBareOnlyWhenTheyAreNumbersOfANumericColumn() throws IOException {
        Column amount = Column.of("amount", "numeric(10,2)", false);
        String sql = write(new QualifiedName("s", "n"), List.of(amount, NAME), 10, "-1.50\t42\n", "NaN\t\n");
        assertThat(sql).contains("(-1.50, '42'),\n('NaN', '');");
    }

    @Test
    void overridesSystemValuesForAlwaysGeneratedIdentityColumns() throws IOException {
        Sequence sequence = new Sequence(new QualifiedName("public", "t_id_seq"), "integer", 1, 1, 1, 10, 1, false,
                false, null, null, null);
        Column id = new Column("id", "integer", true, null, true, null, null,
                new Identity(Identity.Generation.ALWAYS, sequence),
                null, null, null, null, null, true, null, null);
        String sql = write(TABLE, List.of(id, NAME), 10, "7\tx\n");
        assertThat(sql).startsWith("INSERT INTO \"public\".\"t\" (\"id\", \"name\") OVERRIDING SYSTEM VALUE VALUES\n");
    }

    @Test
    void castsValuesOfTypesThatAreNotBuiltIn() throws IOException {
        Column mood = Column.of("mood", "public.mood", false);
        Column moods = Column.of("moods", "public.mood[]", false);
        String sql = write(TABLE, List.of(mood, moods), 10, "happy\t{sad,\"it's\"}\n");
        assertThat(sql).contains("('happy'::public.mood, '{sad,\"it''s\"}'::public.mood[]);");
    }

    @Test
    void letsARegisteredRendererWriteItsTypes() throws IOException {
        TypeRenderer points = new TypeRenderer() {
            @Override
            public boolean supports(String type) {
                return type.startsWith("public.geometry");
            }

            @Override
            public String render(String type, String text) {
                return "ST_GeomFromText('" + text + "')";
            }
        };
        Column shape = Column.of("shape", "public.geometry(Point,4326)", false);
        String sql = write(new ValueRenderers(List.of(points)), TABLE, List.of(ID, shape), 10, "1\tPOINT(1 2)\n");
        assertThat(sql).contains("(1, ST_GeomFromText('POINT(1 2)'));");
    }

    @Test
    void refusesRowsWithMoreFieldsThanColumns() {
        assertThatThrownBy(() -> write(TABLE, List.of(ID), 10, "1\textra\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more fields");
    }

    private static String write(QualifiedName table, List<Column> columns, int rowsPerInsert, String... rows)
            throws IOException {
        return write(new ValueRenderers(List.of()), table, columns, rowsPerInsert, rows);
    }

    private static String write(ValueRenderers renderers, QualifiedName table, List<Column> columns, int rowsPerInsert,
                                String... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InsertWriter writer = new InsertWriter(out, table, columns, rowsPerInsert, renderers);
        for (String row : rows) {
            writer.row(row.getBytes(StandardCharsets.UTF_8));
        }
        writer.finish();
        assertThat(writer.rows()).isEqualTo(rows.length);
        return out.toString(StandardCharsets.UTF_8);
    }
}
