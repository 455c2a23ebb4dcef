package io.persistor.examples.cli;

import io.persistor.PersistorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a passphrase from a file, so that it never shows in the process list or the shell's history. */
final class Passphrases {

    private Passphrases() {
    }

    /**
     * The file's first line.
     *
     * @param file the file
     * @return the passphrase
     */
    static char[] read(Path file) {
        try {
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            return first.toCharArray();
        } catch (IOException e) {
            throw new PersistorException("Cannot read the passphrase file " + file + ": " + e.getMessage(), null, e);
        }
    }
}
