package io.persistor.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.PersistorException;
import org.junit.jupiter.api.Test;

class CatalogReadersTest {

    @Test
    void findsTheBundledReaderForEverySupportedMajor() {
        for (int major = 13; major <= 18; major++) {
            assertThat(CatalogReaders.forServer(major + ".0", major * 10000)).isInstanceOf(PostgresCatalogReader.class);
        }
    }

    @Test
    void refusesServersOlderThanThirteenWithTheVersionInTheMessage() {
        assertThatThrownBy(() -> CatalogReaders.forServer("12.22", 120022))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("PostgreSQL 12.22 is not supported")
                .hasMessageContaining("13 and later");
    }

    @Test
    void resolvesVersionedColumnsToWhatTheServerHas() {
        String query = "SELECT {{range_multirange}}, {{column_compression}}";
        assertThat(VersionedExpression.resolve(query, 130000)).isEqualTo("SELECT 0::pg_catalog.oid, ''::\"char\"");
        assertThat(VersionedExpression.resolve(query, 140000)).isEqualTo("SELECT r.rngmultitypid, a.attcompression");
    }
}
