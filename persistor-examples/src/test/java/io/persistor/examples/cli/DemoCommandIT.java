package io.persistor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo runs end to end with no server given, and says what it did. */
class DemoCommandIT {

    @Test
    void runsBackupRestoreAndCompareOnItsOwnServer(@TempDir Path directory) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PersistorCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo",
                "-o", directory.toString());

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .contains("Backed up as shop_reader (SELECT only): 4 tables")
                .contains("Restored into shop_restored as shop_owner (not a superuser)")
                .contains("Compared shop with shop_restored: No differences.")
                .contains(directory.resolve("shop-demo.sql").toString());
        assertThat(directory.resolve("shop-demo.sql")).exists();
    }
}
