package io.persistor.examples.cli;

import io.persistor.Persistor;
import picocli.CommandLine;

/** Answers {@code --version} with the library's version. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"persistor " + Persistor.version()};
    }
}
