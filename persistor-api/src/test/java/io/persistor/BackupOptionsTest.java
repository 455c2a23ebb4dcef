package io.persistor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class BackupOptionsTest {

    private static final DataSource UNUSED = new DataSource() {
        @Override public Connection getConnection() { throw new AssertionError("no connection expected"); }
        @Override public Connection getConnection(String user, String password) { return getConnection(); }
        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) { }
        @Override public void setLoginTimeout(int seconds) { }
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() { return null; }
        @Override public <T> T unwrap(Class<T> iface) { return null; }
        @Override public boolean isWrapperFor(Class<?> iface) { return false; }
    };

    @Test
    void reportsEveryInvalidOptionInOneMessageBeforeConnecting() {
        assertThatThrownBy(() -> Persistor.backup(UNUSED).schema("").tables("a", "").rowsPerInsert(0).parallelism(0)
                .to(Path.of("x.sql")))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("schema must be a non-empty name")
                .hasMessageContaining("tables(...) must name tables")
                .hasMessageContaining("rowsPerInsert must be at least 1, but was 0")
                .hasMessageContaining("parallelism must be at least 1, but was 0");
    }

    @Test
    void checksTheCompressionLevelAgainstTheCompressionTheNameOrCallChooses() {
        assertThatThrownBy(() -> Persistor.backup(UNUSED).compressionLevel(12).to(Path.of("x.sql.gz")))
                .hasMessageContaining("compressionLevel must be 1 to 9 for GZIP, but was 12");
        assertThatThrownBy(() -> Persistor.backup(UNUSED).zstd().compressionLevel(23).to(Path.of("x.sql")))
                .hasMessageContaining("compressionLevel must be 1 to 22 for ZSTD, but was 23");
        assertThatThrownBy(() -> Persistor.backup(UNUSED).compressionLevel(3).to(Path.of("x.sql")))
                .hasMessageContaining("compressionLevel needs a compression");
    }
}
