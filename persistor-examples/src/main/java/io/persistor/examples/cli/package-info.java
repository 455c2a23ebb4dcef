/**
 * The {@code persistor} command-line tool, with the commands and options of the original Node.js tool.
 * Built as {@code persistor-examples/target/persistor-cli.jar}.
 */
package io.persistor.examples.cli;
