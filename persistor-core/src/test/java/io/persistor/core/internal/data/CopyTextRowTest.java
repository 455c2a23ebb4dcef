package io.persistor.core.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyTextRowTest {

    @Test
    void splitsOnTabsAndTellsNullFromEmpty() {
        assertThat(fields("1\t\\N\t\tlast\n", 4)).containsExactly("1", null, "", "last");
    }

    @Test
    void undoesEveryEscapeTheServerWrites() {
        assertThat(fields("a\\tb\\nc\\rd\\\\e\\bf\\fg\\vh\n", 1))
                .containsExactly("a\tb\nc\rd\\e\bf\fg\u000bh");
    }

    @Test
    void undoesOctalAndHexEscapes() {
        assertThat(fields("\\101\\x42\\7\\x4\n", 1)).containsExactly("AB\u0007\u0004");
    }

    @Test
    void keepsMultiByteCharactersIntact() {
        assertThat(fields("😀 ünï\t\\\\.\n", 2)).containsExactly("😀 ünï", "\\.");
    }

    @Test
    void failsWhenTheRowHasFewerFieldsThanExpected() {
        CopyTextRow row = new CopyTextRow("only\n".getBytes(StandardCharsets.UTF_8));
        row.next();
        assertThat(row.isComplete()).isTrue();
        assertThatThrownBy(row::next).isInstanceOf(IllegalStateException.class);
    }

    private static List<String> fields(String line, int count) {
        CopyTextRow row = new CopyTextRow(line.getBytes(StandardCharsets.UTF_8));
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(row.next() ? new String(row.value(), 0, row.valueLength(), StandardCharsets.UTF_8) : null);
        }
        assertThat(row.isComplete()).isTrue();
        return values;
    }
}
