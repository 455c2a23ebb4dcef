package io.persistor.examples.cli;

import picocli.CommandLine.Option;

/** {@code --help} for commands whose {@code -h} means the host, as in the original tool. */
final class HelpOption {

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
