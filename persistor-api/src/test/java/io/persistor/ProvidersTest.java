package io.persistor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.spi.BackupPlan;
import io.persistor.spi.DiffPlan;
import io.persistor.spi.InputSource;
import io.persistor.spi.OutputSink;
import io.persistor.spi.RestorePlan;
import io.persistor.spi.PersistorProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    @Test
    void failsWithTheDependencyToAddWhenNoProviderIsOnTheClassPath() {
        assertThatThrownBy(() -> Providers.select(List.of()))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("io.persistor:persistor-core")
                .hasMessageContaining("META-INF/services/io.persistor.spi.PersistorProvider");
    }

    @Test
    void picksTheProviderWithTheHighestPriority() {
        PersistorProvider low = new Fixed(0);
        PersistorProvider high = new Fixed(5);
        assertThat(Providers.select(List.of(low, high))).isSameAs(high);
    }

    @Test
    void refusesToGuessBetweenProvidersOfEqualPriority() {
        assertThatThrownBy(() -> Providers.select(List.of(new Fixed(1), new Fixed(1))))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("share the highest priority 1")
                .hasMessageContaining(Fixed.class.getName());
    }

    @Test
    void theVersionComesFromTheBuild() {
        assertThat(Persistor.version()).isNotBlank().doesNotContain("${");
    }

    private record Fixed(int priority) implements PersistorProvider {
        @Override
        public BackupResult backup(BackupPlan plan, OutputSink sink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RestoreResult restore(RestorePlan plan, InputSource source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RestoreResult restore(RestorePlan plan, InputStream stream) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ScriptEntry> contents(InputSource source, Decryption decryption) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BackupVerification verify(InputSource source, Decryption decryption) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SchemaComparison compare(DiffPlan plan) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OutputSink fileSink(Path file, boolean overwrite) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputSource fileSource(Path file) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OutputSink streamSink(OutputStream stream) {
            throw new UnsupportedOperationException();
        }
    }
}
