package io.persistor.examples.cli;

import io.persistor.Decryption;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How {@code restore} and {@code verify} decrypt an encrypted file: a passphrase file, or a secret key. */
final class DecryptionOptions {

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Decrypt with the passphrase in this file (its first line).")
    Path passphraseFile;

    @Option(names = "--secret-key", paramLabel = "FILE",
            description = "Decrypt with this secret key (gpg --export-secret-keys); its passphrase, if any, in "
                    + "--passphrase-file.")
    Path secretKey;

    /** @return what decrypts the file, or {@code null} when neither option is given */
    Decryption decryption() {
        char[] passphrase = passphraseFile == null ? new char[0] : Passphrases.read(passphraseFile);
        if (secretKey != null) {
            return Decryption.withSecretKey(secretKey, passphrase);
        }
        return passphraseFile == null ? null : Decryption.withPassphrase(passphrase);
    }
}
