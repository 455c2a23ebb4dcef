package io.persistor.core.internal.crypto;

import io.persistor.Encryption;
import io.persistor.PersistorException;
import io.persistor.core.internal.sink.NonClosingOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;

/**
 * Encrypts a stream as an OpenPGP message: AES-256 with a modification detection code, the session key sealed by a
 * passphrase (SHA-256 iterated and salted S2K) or by each recipient's public key, the data in one literal packet
 * written in partial-length chunks, so that memory stays bounded whatever the size.
 */
public final class OpenPgpEncryption {

    /** The S2K count byte: 16 MiB hashed per passphrase derivation. */
    private static final int S2K_COUNT = 0xe0;
    private static final int BUFFER = 1 << 16;

    private OpenPgpEncryption() {
    }

    /**
     * A stream that encrypts what is written to it into {@code out}; closing it ends the message but leaves
     * {@code out} open.
     *
     * @param out        where the ciphertext goes
     * @param encryption the passphrase or the recipients
     * @param name       the file name recorded in the message
     * @return the stream
     * @throws PersistorException when a key file cannot be read or holds no key able to encrypt
     * @throws IOException        when writing fails
     */
    public static OutputStream encrypting(OutputStream out, Encryption encryption, String name) throws IOException {
        // The data through the JVM's own AES and SHA-1, which use the processor's instructions: several times
        // faster than Bouncy Castle's portable ones for gigabytes.
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true)
                        .setSecureRandom(new SecureRandom()));
        char[] passphrase = encryption.passphrase();
        try {
            if (passphrase != null) {
                generator.addMethod(new BcPBEKeyEncryptionMethodGenerator(passphrase,
                        new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256), S2K_COUNT));
            } else {
                for (Path file : encryption.publicKeys()) {
                    for (PGPPublicKey key : encryptionKeys(file)) {
                        generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key));
                    }
                }
            }
            OutputStream encrypted = generator.open(new NonClosingOutputStream(out), new byte[BUFFER]);
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            OutputStream plain = literal.open(encrypted, PGPLiteralData.BINARY, name, new Date(), new byte[BUFFER]);
            return new FilterOutputStream(plain) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    plain.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    literal.close();
                    generator.close();
                }
            };
        } catch (PGPException e) {
            throw new PersistorException("Cannot encrypt the backup: " + e.getMessage(), null, e);
        }
    }

    private static List<PGPPublicKey> encryptionKeys(Path file) throws IOException {
        List<PGPPublicKey> keys = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
            for (PGPPublicKeyRing ring : rings) {
                for (PGPPublicKey key : ring) {
                    if (key.isEncryptionKey() && !key.hasRevocation()) {
                        keys.add(key);
                    }
                }
            }
        } catch (PGPException | IOException e) {
            throw new PersistorException("Cannot read the public key file " + file + ": " + e.getMessage(), null, e);
        }
        if (keys.isEmpty()) {
            throw new PersistorException("The public key file " + file + " holds no key that can encrypt");
        }
        return keys;
    }
}
