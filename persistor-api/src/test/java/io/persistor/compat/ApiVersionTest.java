package io.persistor.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiVersionTest {

    @Test
    void aNewMajorMayBreak() {
        assertThat(ApiVersion.parse("2.0.0-SNAPSHOT").mayBreak(ApiVersion.parse("1.4.2"))).isTrue();
    }

    @Test
    void minorsAndPatchesAfterOneMayNot() {
        assertThat(ApiVersion.parse("1.5.0-SNAPSHOT").mayBreak(ApiVersion.parse("1.4.2"))).isFalse();
        assertThat(ApiVersion.parse("1.4.3").mayBreak(ApiVersion.parse("1.4.2"))).isFalse();
    }

    @Test
    void beforeOneANewMinorMayBreakButAPatchMayNot() {
        assertThat(ApiVersion.parse("0.2.0-SNAPSHOT").mayBreak(ApiVersion.parse("0.1.0"))).isTrue();
        assertThat(ApiVersion.parse("0.1.1-SNAPSHOT").mayBreak(ApiVersion.parse("0.1.0"))).isFalse();
    }

    @Test
    void refusesWhatIsNotAVersion() {
        assertThatThrownBy(() -> ApiVersion.parse("latest")).hasMessageContaining("'latest'");
    }
}
