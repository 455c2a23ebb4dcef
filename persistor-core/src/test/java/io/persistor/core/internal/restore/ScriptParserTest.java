package io.persistor.core.internal.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptParserTest {

    @Test
    void splitsAtSemicolonsOutsideQuotesIdentifiersAndComments() throws IOException {
        List<String> statements = statements("""
                SELECT 'a;b', "x;y" FROM t; -- a comment; with a semicolon
                /* block; /* nested; */ still comment; */ SELECT 2;
                SELECT 'it''s; fine';
                """);
        assertThat(statements).containsExactly("SELECT 'a;b', \"x;y\" FROM t", "SELECT 2", "SELECT 'it''s; fine'");
    }

    @Test
    void understandsBackslashEscapesOnlyInEStrings() throws IOException {
        assertThat(statements("SELECT E'a\\';b'; SELECT 'c\\'; SELECT 1;"))
                .containsExactly("SELECT E'a\\';b'", "SELECT 'c\\'", "SELECT 1");
    }

    @Test
    void keepsDollarQuotedBodiesWhole() throws IOException {
        List<String> statements = statements("""
                CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$
                BEGIN
                    RAISE NOTICE 'x;'; -- ;
                    RETURN $$;$$::text::int;
                END $body$;
                SELECT $1, a$b FROM t;
                """);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).endsWith("END $body$");
        assertThat(statements.get(1)).isEqualTo("SELECT $1, a$b FROM t");
    }

    @Test
    void keepsSemicolonsInsideParenthesesAsPsqlDoes() throws IOException {
        List<String> statements = statements("""
                CREATE RULE r AS
                    ON UPDATE TO t DO ( INSERT INTO u (x)
                  VALUES (NULL::integer);
                 NOTIFY changed;
                );
                SELECT ')(';
                SELECT (1);
                """);
        assertThat(statements).hasSize(3);
        assertThat(statements.get(0)).startsWith("CREATE RULE r").endsWith(")");
        assertThat(statements.get(1)).isEqualTo("SELECT ')('");
        assertThat(statements.get(2)).isEqualTo("SELECT (1)");
    }

    @Test
    void keepsStandardSqlBodiesWholeAsPsqlDoes() throws IOException {
        List<String> statements = statements("""
                CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                    SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;
                    SELECT x;
                END;
                SELECT 'begin';
                """);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).startsWith("CREATE OR REPLACE FUNCTION").endsWith("END");
        assertThat(statements.get(1)).isEqualTo("SELECT 'begin'");
    }

    @Test
    void handsOverCopyDataUpToItsTerminator() throws IOException {
        ScriptParser parser = new ScriptParser(utf8("""
                COPY t (a, b) FROM stdin;
                1\tx;y
                2\t\\N
                \\.
                SELECT 3;
                """));
        ScriptParser.Statement copy = parser.next();
        assertThat(copy.isCopyFromStdin()).isTrue();
        List<String> rows = new ArrayList<>();
        parser.copyData((bytes, offset, length, lines) -> rows.add(new String(bytes, offset, length, StandardCharsets.UTF_8)));
        assertThat(String.join("", rows)).isEqualTo("1\tx;y\n2\t\\N\n");
        ScriptParser.Statement next = parser.next();
        assertThat(next.sql()).isEqualTo("SELECT 3");
        assertThat(next.line()).isEqualTo(5);
        assertThat(parser.next()).isNull();
    }

    @Test
    void reportsTheLineEachStatementStartsOn() throws IOException {
        ScriptParser parser = new ScriptParser(utf8("-- header\n\nSELECT 1;\nSELECT\n 2;\n"));
        assertThat(parser.next().line()).isEqualTo(3);
        assertThat(parser.next().line()).isEqualTo(4);
    }

    @Test
    void returnsMetaCommandLinesAsTheyAre() throws IOException {
        assertThat(statements("\\restrict abc\nSELECT 1;\n\\connect other\n"))
                .containsExactly("\\restrict abc", "SELECT 1", "\\connect other");
    }

    @Test
    void failsOnAScriptCutInsideAString() {
        assertThatThrownBy(() -> statements("SELECT 'unterminated;"))
                .isInstanceOf(IOException.class).hasMessageContaining("inside a string");
        assertThatThrownBy(() -> {
            ScriptParser parser = new ScriptParser(utf8("COPY t FROM stdin;\n1\n"));
            parser.next();
            parser.copyData((bytes, offset, length, lines) -> { });
        }).isInstanceOf(IOException.class).hasMessageContaining("inside COPY data");
    }

    @Test
    void decodesUtf8InStringsIdentifiersCommentsAndDollarTags() throws IOException {
        assertThat(statements("SELECT 'ação; 😀', \"über;\" FROM t; -- é;\nSELECT $ç$ x; y $ç$, E'\\ü😀';"))
                .containsExactly("SELECT 'ação; 😀', \"über;\" FROM t", "SELECT $ç$ x; y $ç$, E'\\ü😀'");
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] script = {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\'', ';'};
        assertThatThrownBy(() -> new ScriptParser(new ByteArrayInputStream(script)).next())
                .isInstanceOf(IOException.class).hasMessageContaining("not valid UTF-8 (line 1)");
    }

    @Test
    void handsOverCopyRowsAsTheirBytesInWholeLinesWhateverTheirLength() throws IOException {
        String longValue = "é".repeat(100_000);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            rows.append(i).append("\tvalué ").append(i).append('\n');
        }
        rows.append("-1\t").append(longValue).append('\n');
        ScriptParser parser = new ScriptParser(utf8("COPY t FROM stdin;\n" + rows + "\\.\nSELECT 1;\n"));
        parser.next();
        StringBuilder received = new StringBuilder();
        int[] lines = {0};
        parser.copyData((bytes, offset, length, count) -> {
            assertThat(bytes[offset + length - 1]).isEqualTo((byte) '\n');
            received.append(new String(bytes, offset, length, StandardCharsets.UTF_8));
            lines[0] += count;
        });
        assertThat(received.toString()).isEqualTo(rows.toString());
        assertThat(lines[0]).isEqualTo(20_001);
        ScriptParser.Statement next = parser.next();
        assertThat(next.sql()).isEqualTo("SELECT 1");
        assertThat(next.line()).isEqualTo(20_004);
    }

    @Test
    void endsCopyDataAtATerminatorWithACarriageReturnOrAtTheEnd() throws IOException {
        ScriptParser parser = new ScriptParser(utf8("COPY t FROM stdin;\r\n1\r\n\\.\r\nSELECT 2;\nCOPY u FROM stdin;\n3\n\\."));
        parser.next();
        List<String> rows = new ArrayList<>();
        parser.copyData((bytes, offset, length, lines) -> rows.add(new String(bytes, offset, length, StandardCharsets.UTF_8)));
        assertThat(parser.next().sql()).isEqualTo("SELECT 2");
        parser.next();
        parser.copyData((bytes, offset, length, lines) -> rows.add(new String(bytes, offset, length, StandardCharsets.UTF_8)));
        assertThat(rows).containsExactly("1\r\n", "3\n");
        assertThat(parser.next()).isNull();
    }

    @Test
    void keepsLongStatementsWholeAcrossBuffersWithTheirLineNumbers() throws IOException {
        StringBuilder insert = new StringBuilder("INSERT INTO t (a, b) VALUES\n");
        for (int i = 0; i < 30_000; i++) {
            insert.append(i == 0 ? "" : ",\n").append("(").append(i).append(", 'it''s; ").append(i)
                    .append(" é\n(;)', \"q\"\"; ").append(i % 7).append("\")");
        }
        String script = "SELECT 1;\n" + insert + ";\n/* c; */ SELECT E'\\';', $t$;$t$ -- x;\n;\nSELECT 3;\n";
        ScriptParser parser = new ScriptParser(utf8(script));
        assertThat(parser.next().sql()).isEqualTo("SELECT 1");
        ScriptParser.Statement statement = parser.next();
        assertThat(statement.sql()).isEqualTo(insert.toString());
        assertThat(statement.line()).isEqualTo(2);
        ScriptParser.Statement escaped = parser.next();
        assertThat(escaped.sql()).isEqualTo("SELECT E'\\';', $t$;$t$");
        assertThat(escaped.line()).isEqualTo(2 + 1 + 2 * 30_000);
        ScriptParser.Statement last = parser.next();
        assertThat(last.sql()).isEqualTo("SELECT 3");
        assertThat(last.line()).isEqualTo(escaped.line() + 2);
        assertThat(parser.next()).isNull();
    }

    private static List<String> statements(String script) throws IOException {
        ScriptParser parser = new ScriptParser(utf8(script));
        List<String> statements = new ArrayList<>();
        ScriptParser.Statement statement;
        while ((statement = parser.next()) != null) {
            statements.add(statement.sql());
        }
        return statements;
    }

    private static InputStream utf8(String script) {
        return new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8));
    }
}
