package io.persistor;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What decrypts an encrypted backup ({@link Encryption}) for {@link Restore#decrypt} and
 * {@link Persistor#verify(Path, Decryption)}: its passphrase, or a secret key and the passphrase that protects it.
 * A wrong one is refused before anything runs.
 */
public final class Decryption {

    private final char[] passphrase;
    private final Path secretKey;

    private Decryption(char[] passphrase, Path secretKey) {
        this.passphrase = passphrase;
        this.secretKey = secretKey;
    }

    /**
     * Decrypts a backup encrypted with a passphrase.
     *
     * @param passphrase the passphrase; copied
     * @return the decryption
     */
    public static Decryption withPassphrase(char[] passphrase) {
        return new Decryption(Objects.requireNonNull(passphrase, "passphrase").clone(), null);
    }

    /**
     * Decrypts a backup encrypted for a public key, with the matching secret key.
     *
     * @param secretKeyFile the secret key ring, binary or ASCII-armoured ({@code gpg --export-secret-keys})
     * @param keyPassphrase the passphrase protecting the key; empty when it has none; copied
     * @return the decryption
     */
    public static Decryption withSecretKey(Path secretKeyFile, char[] keyPassphrase) {
        return new Decryption(Objects.requireNonNull(keyPassphrase, "keyPassphrase").clone(),
                Objects.requireNonNull(secretKeyFile, "secretKeyFile"));
    }

    /** @return a copy of the passphrase (of the message, or of the secret key) */
    public char[] passphrase() {
        return passphrase.clone();
    }

    /** @return the secret key file, or {@code null} when the passphrase decrypts the message itself */
    public Path secretKey() {
        return secretKey;
    }

    /** @return what it is, without the passphrase */
    @Override
    public String toString() {
        return secretKey == null ? "passphrase" : "secret key " + secretKey;
    }
}
