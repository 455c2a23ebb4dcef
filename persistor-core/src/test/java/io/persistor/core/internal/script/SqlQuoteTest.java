package io.persistor.core.internal.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.model.QualifiedName;
import org.junit.jupiter.api.Test;

class SqlQuoteTest {

    @Test
    void quotesEveryIdentifierAndDoublesEmbeddedQuotes() {
        assertThat(SqlQuote.identifier("plain")).isEqualTo("\"plain\"");
        assertThat(SqlQuote.identifier("Mixed Case")).isEqualTo("\"Mixed Case\"");
        assertThat(SqlQuote.identifier("x\"; DROP TABLE y; --")).isEqualTo("\"x\"\"; DROP TABLE y; --\"");
        assertThat(SqlQuote.identifier("select")).isEqualTo("\"select\"");
    }

    @Test
    void quotesQualifiedNamesPartByPart() {
        assertThat(SqlQuote.qualified(new QualifiedName("my.schema", "t\"1")))
                .isEqualTo("\"my.schema\".\"t\"\"1\"");
    }

    @Test
    void writesStandardConformingLiteralsLeavingBackslashesAlone() {
        assertThat(SqlQuote.literal("it's")).isEqualTo("'it''s'");
        assertThat(SqlQuote.literal("back\\slash")).isEqualTo("'back\\slash'");
        assertThat(SqlQuote.literal("''")).isEqualTo("''''''");
        assertThat(SqlQuote.literal("")).isEqualTo("''");
        assertThat(SqlQuote.literal("line\nbreak $$ 😀")).isEqualTo("'line\nbreak $$ 😀'");
    }

    @Test
    void rejectsNulCharactersThatPostgresCannotStore() {
        assertThatThrownBy(() -> SqlQuote.literal("a\0b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlQuote.identifier("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }
}
