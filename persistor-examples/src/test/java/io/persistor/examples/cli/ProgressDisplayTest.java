package io.persistor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    @Test
    void printsEachTableWithTotalsRateAndTimeLeftFromTheEstimate() {
        StringWriter err = new StringWriter();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(err, true));
        display.backupStarted(2, 4_000);
        display.tableFinished("public.a", 1_000, 2_000_000);
        display.tableFinished("public.b", 3_000, 6_000_000);

        String[] lines = err.toString().split("\n");
        assertThat(lines[0]).startsWith("  public.a: 1,000 rows, 2.0 MB  (total 1,000 rows, 2.0 MB, ")
                .contains("MB/s, 25%, about ").endsWith(" s left)");
        assertThat(lines[1]).startsWith("  public.b: 3,000 rows, 6.0 MB  (total 4,000 rows, 8.0 MB, ")
                .doesNotContain("left");
    }
}
