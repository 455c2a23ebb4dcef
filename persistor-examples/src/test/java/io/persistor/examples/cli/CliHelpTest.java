package io.persistor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliHelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"backup", "restore", "compare", "demo"})
    void everyCommandExplainsItselfWithHelpAndKeepsDashHForTheHost(String command) {
        StringWriter out = new StringWriter();
        int code = PersistorCli.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), command,
                "--help");
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("Usage: persistor " + command);
        if (!command.equals("demo") && !command.equals("compare")) {
            assertThat(out.toString()).contains("-h, --host=<host>");
        }
    }
}
