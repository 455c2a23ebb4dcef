package io.persistor.core.internal.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InsertAsCopyTest {

    @Test
    void turnsPersistorsInsertsIntoCopyRows() {
        InsertAsCopy.Copy copy = InsertAsCopy.convert(
                "INSERT INTO \"public\".\"t \"\"1\"\"\" (\"id\", \"a, b\", \"m\") OVERRIDING SYSTEM VALUE VALUES\n"
                + "(-1, 'it''s', 'happy'::public.mood),\n"
                + "(2, NULL, '{\"x\"}'::public.geometry(Point,4326)[]),\n"
                + "(3.5, 'tab\there\nline \\N back\\slash', NULL)");
        assertThat(copy.command()).isEqualTo("COPY \"public\".\"t \"\"1\"\"\" (\"id\", \"a, b\", \"m\") FROM STDIN");
        assertThat(new String(copy.rows(), StandardCharsets.UTF_8)).isEqualTo(
                "-1\tit's\thappy\n2\t\\N\t{\"x\"}\n3.5\ttab\\there\\nline \\\\N back\\\\slash\t\\N\n");
    }

    @Test
    void keepsCharactersBeyondAsciiAsTheirUtf8Bytes() {
        InsertAsCopy.Copy copy = InsertAsCopy.convert("INSERT INTO \"loja\".\"preço\" (\"descrição\", \"n\") VALUES\n"
                + "('maçã\r\n€ 😀''s', 1),\n('', -0.5)");
        assertThat(copy.command()).isEqualTo("COPY \"loja\".\"preço\" (\"descrição\", \"n\") FROM STDIN");
        assertThat(copy.rows()).isEqualTo("maçã\\r\\n€ 😀's\t1\n\t-0.5\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void leavesOtherStatementsToRunAsTheyAre() {
        assertThat(InsertAsCopy.convert("INSERT INTO public.t VALUES (1)")).isNull();
        assertThat(InsertAsCopy.convert("INSERT INTO \"public\".\"t\" (\"g\") VALUES\n(ST_GeomFromText('POINT(1 2)'))"))
                .isNull();
        assertThat(InsertAsCopy.convert("INSERT INTO \"public\".\"t\" DEFAULT VALUES")).isNull();
        assertThat(InsertAsCopy.convert("SELECT 1")).isNull();
        assertThat(InsertAsCopy.convert("INSERT INTO \"public\".\"t\" (\"a\") VALUES\n('open")).isNull();
    }
}
