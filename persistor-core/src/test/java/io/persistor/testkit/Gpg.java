package io.persistor.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GnuPG, as users run it beside Persistor: in a home directory of its own, without an agent prompt (passphrases
 * come on the command line through loopback pinentry). Fails, naming what is missing, when {@code gpg} is not on
 * the {@code PATH}.
 */
public final class Gpg {

    private final Path home;

    /**
     * @param home an empty directory for GnuPG's keyrings
     */
    public Gpg(Path home) {
        this.home = home;
        try {
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare GnuPG's home " + home, e);
        }
    }

    /**
     * Makes an RSA key pair without a passphrase, with a subkey for encryption.
     *
     * @param uid the key's user id, such as {@code Test <test@example.invalid>}
     */
    public void generateKey(String uid) {
        run("--passphrase", "", "--quick-generate-key", uid, "rsa2048", "sign", "never");
        String fingerprint = run("--list-keys", "--with-colons", uid).lines().filter(l -> l.startsWith("fpr:"))
                .findFirst().orElseThrow().split(":")[9];
        run("--passphrase", "", "--quick-add-key", fingerprint, "rsa2048", "encr", "never");
    }

    /**
     * Exports a public or secret key ring into a file.
     *
     * @param uid    the key's user id
     * @param secret whether the secret keys are exported
     * @param file   where
     */
    public void export(String uid, boolean secret, Path file) {
        run("--passphrase", "", "--output", file.toString(), secret ? "--export-secret-keys" : "--export", uid);
    }

    /**
     * Decrypts a file with a passphrase (or, without one, with the keys of this home).
     *
     * @param file       the encrypted file
     * @param passphrase the passphrase, or {@code null}
     * @param out        where the plain text goes
     */
    public void decrypt(Path file, String passphrase, Path out) {
        List<String> args = new ArrayList<>(List.of("--output", out.toString()));
        if (passphrase != null) {
            args.addAll(List.of("--passphrase", passphrase));
        }
        args.addAll(List.of("--decrypt", file.toString()));
        run(args.toArray(String[]::new));
    }

    /**
     * Encrypts a file with a passphrase, as {@code gpg --symmetric} does by default (compressed, AES-256).
     *
     * @param file       the plain file
     * @param passphrase the passphrase
     * @param out        where the encrypted file goes
     */
    public void encryptSymmetric(Path file, String passphrase, Path out) {
        run("--passphrase", passphrase, "--cipher-algo", "AES256", "--output", out.toString(), "--symmetric",
                file.toString());
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--yes",
                "--pinentry-mode", "loopback"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run gpg (is GnuPG installed? .ci/run installs Debian's gnupg): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while gpg ran", e);
        }
    }
}
