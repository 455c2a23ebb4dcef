package io.persistor;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a backup is encrypted: OpenPGP (RFC 4880), AES-256 with an integrity check, streamed, so that
 * {@code gpg --decrypt backup.sql.gpg | psql} reads it as well as {@code Persistor.restore}. With a passphrase
 * (iterated and salted S2K) or for the holders of public keys. Nothing unencrypted is written anywhere, temporary
 * files included.
 */
public final class Encryption {

    private final char[] passphrase;
    private final List<Path> publicKeys;

    private Encryption(char[] passphrase, List<Path> publicKeys) {
        this.passphrase = passphrase;
        this.publicKeys = publicKeys;
    }

    /**
     * Encrypts with a passphrase, which decrypts it again.
     *
     * @param passphrase the passphrase; copied, so the caller may clear its array
     * @return the encryption
     */
    public static Encryption withPassphrase(char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        if (passphrase.length == 0) {
            throw new PersistorException("The encryption passphrase is empty");
        }
        return new Encryption(passphrase.clone(), List.of());
    }

    /**
     * Encrypts for the holders of public keys: each key file (binary or ASCII-armoured, as
     * {@code gpg --export [--armor]} writes it) may hold several keys, and every key able to encrypt is a recipient.
     *
     * @param publicKeyFiles the key files
     * @return the encryption
     */
    public static Encryption forRecipients(Path... publicKeyFiles) {
        if (publicKeyFiles.length == 0) {
            throw new PersistorException("Encryption for recipients needs at least one public key file");
        }
        return new Encryption(null, List.of(publicKeyFiles));
    }

    /** @return a copy of the passphrase, or {@code null} when the backup is encrypted for public keys */
    public char[] passphrase() {
        return passphrase == null ? null : passphrase.clone();
    }

    /** @return the public key files, empty when the backup is encrypted with a passphrase */
    public List<Path> publicKeys() {
        return publicKeys;
    }

    /** @return what it is, without the passphrase */
    @Override
    public String toString() {
        return passphrase != null ? "OpenPGP, passphrase" : "OpenPGP, for " + publicKeys;
    }
}
