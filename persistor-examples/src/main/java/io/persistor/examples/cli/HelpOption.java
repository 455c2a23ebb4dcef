package io.persistor.examples.cli;

import picocli.CommandLine.Option;

/**
 * The options every command has: {@code --help} (its {@code -h} means the host, as in the original tool) and
 * {@code --verbose}, which adds the stack trace to an error.
 */
final class HelpOption {

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--verbose", description = "On failure, print the stack trace too.")
    boolean verbose;
}
