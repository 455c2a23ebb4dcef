package io.persistor.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code persistor} command: its subcommands do the work. */
@Command(name = "persistor", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCode.USAGE,
        versionProvider = VersionProvider.class,
        description = "Backs up a PostgreSQL database into one executable SQL file, using only SELECT.",
        subcommands = {BackupCommand.class, RestoreCommand.class, VerifyCommand.class, ListCommand.class,
            CompareCommand.class,
            DemoCommand.class})
public final class PersistorCli {

    /**
     * Runs the tool and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the tool without exiting, for tests and embedding.
     *
     * @param out  where results go
     * @param err  where errors go
     * @param args the command line
     * @return the {@link ExitCode}
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new PersistorCli())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new FailureReport())
                .execute(args);
    }
}
