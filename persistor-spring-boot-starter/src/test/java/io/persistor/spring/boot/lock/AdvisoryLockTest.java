package io.persistor.spring.boot.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdvisoryLockTest {

    private static final String KEY_OF_PERSISTOR = "690a02b40e0289f2";

    @Test
    void derivesTheSameKeyFromTheSameNameInEveryJvm() {
        // The first eight bytes of SHA-256("persistor"), as `printf persistor | sha256sum` gives them.
        assertThat(AdvisoryLock.key("persistor")).isEqualTo(AdvisoryLock.key(new String("persistor")))
                .isEqualTo(Long.parseUnsignedLong(KEY_OF_PERSISTOR, 16));
    }

    @Test
    void derivesDifferentKeysFromDifferentNames() {
        assertThat(AdvisoryLock.key("shop")).isNotEqualTo(AdvisoryLock.key("shop2"));
    }

    @Test
    void refusesABlankName() {
        assertThatThrownBy(() -> new AdvisoryLock(" ")).hasMessageContaining("persistor.lock.name");
    }
}
