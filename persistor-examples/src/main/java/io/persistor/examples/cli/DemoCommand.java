package io.persistor.examples.cli;

import io.persistor.examples.demo.Demo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code persistor demo}: backup, restore and compare on a PostgreSQL it starts itself. */
@Command(name = "demo", exitCodeOnInvalidInput = ExitCode.USAGE,
        description = "Show a backup, restore and comparison on an embedded PostgreSQL; needs no server.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-o", "--output-dir"}, defaultValue = ".",
            description = "Directory of the backup file shop-demo.sql (default: current directory).")
    Path outputDirectory;

    @Override
    public Integer call() {
        boolean matched = new Demo(spec.commandLine().getOut()).run(outputDirectory);
        return matched ? ExitCode.OK : ExitCode.FAILURE;
    }
}
