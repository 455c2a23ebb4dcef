package io.persistor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Masks are written and read back as {@code name(arguments)}, the form the CLI takes. */
class MaskTest {

    @Test
    void readsNamesAndArguments() {
        assertThat(Mask.parse("email")).isEqualTo(Masks.email());
        assertThat(Mask.parse(" number( 1 , 1000 ) ")).isEqualTo(Masks.number(1, 1000));
        assertThat(Mask.parse("constant('a, b (c)', '')")).isEqualTo(new Mask("constant", List.of("a, b (c)", "")));
        assertThat(Mask.parse("constant('it''s')").arguments()).containsExactly("it's");
    }

    @Test
    void writesWhatItReads() {
        for (Mask mask : List.of(Masks.email(), Masks.number(-5, 5), Masks.dateShift(30), Masks.nullValue(),
                Masks.constant("x"), Masks.constant(" it's, (odd) "), Masks.constant(""))) {
            assertThat(Mask.parse(mask.toString())).isEqualTo(mask);
        }
        assertThat(Masks.number(1, 10)).hasToString("number(1, 10)");
    }

    @Test
    void refusesWhatIsNotAMask() {
        assertThatThrownBy(() -> Mask.parse("number(1, 2")).hasMessageContaining("name or name(arguments)");
        assertThatThrownBy(() -> Mask.parse("constant('open)")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Mask.parse("two words")).hasMessageContaining("letters, digits and '_'");
        assertThatThrownBy(() -> Masks.number(5, 1)).hasMessageContaining("min <= max");
        assertThatThrownBy(() -> Masks.dateShift(0)).hasMessageContaining("maxDays >= 1");
    }
}
