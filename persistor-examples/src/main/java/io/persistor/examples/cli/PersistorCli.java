package io.persistor.examples.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code persistor} command: its subcommands do the work. */
@Command(name = "persistor", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCode.USAGE,
        versionProvider = VersionProvider.class,
        description = "Backs up a PostgreSQL database into one executable SQL file, using only SELECT.")
public final class PersistorCli {

    /** The subcommands, in the order the usage lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

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
        CommandLine cli = new CommandLine(new PersistorCli());
        // Building a command's model takes reflection over all its options: a run builds only the one it runs.
        String first = args.length > 0 ? args[0] : "";
        if (COMMANDS.containsKey(first)) {
            cli.addSubcommand(first, COMMANDS.get(first).get());
        } else if (!first.equals("--version") && !first.equals("-V")) {
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        return cli.setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new FailureReport())
                .execute(args);
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("backup", BackupCommand::new);
        commands.put("restore", RestoreCommand::new);
        commands.put("verify", VerifyCommand::new);
        commands.put("list", ListCommand::new);
        commands.put("compare", CompareCommand::new);
        commands.put("demo", DemoCommand::new);
        return commands;
    }
}
