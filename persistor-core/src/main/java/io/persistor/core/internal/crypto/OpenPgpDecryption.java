package io.persistor.core.internal.crypto;

import io.persistor.Decryption;
import io.persistor.PersistorException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBEDataDecryptorFactoryBuilder;

/**
 * Recognises an OpenPGP message by its first bytes and decrypts it as a stream, with a passphrase or a secret key:
 * Persistor's own encrypted backups and files {@code gpg --encrypt} or {@code gpg --symmetric} wrote (compressed by
 * gpg or not). The integrity check at the end is made when the stream is read to its end.
 */
public final class OpenPgpDecryption {

    private OpenPgpDecryption() {
    }

    /**
     * Whether a file starts as an OpenPGP message: ASCII armour, or a packet that seals a session key.
     *
     * @param start  the file's first bytes
     * @param length how many there are
     * @return {@code true} for an encrypted file
     */
    public static boolean isEncrypted(byte[] start, int length) {
        if (length == 0) {
            return false;
        }
        if (new String(start, 0, length, StandardCharsets.US_ASCII).startsWith("-----BEGIN PGP MESSAGE-----")) {
            return true;
        }
        int header = start[0] & 0xff;
        if ((header & 0x80) == 0) {
            return false;
        }
        int tag = (header & 0x40) != 0 ? header & 0x3f : (header >> 2) & 0x0f;
        return tag == 1 || tag == 3; // a public-key or a passphrase-sealed session key
    }

    /**
     * The decrypted content of an OpenPGP message.
     *
     * @param in         the message
     * @param decryption the passphrase or secret key, or {@code null}
     * @param source     the file, for messages
     * @return the content; reading it to its end checks its integrity
     * @throws PersistorException naming the problem when it cannot be decrypted (no or a wrong passphrase or key)
     * @throws IOException        when reading fails
     */
    public static InputStream decrypting(InputStream in, Decryption decryption, String source) throws IOException {
        if (decryption == null) {
            throw new PersistorException(source + " is encrypted: give its passphrase or secret key (Restore.decrypt, "
                    + "Persistor.verify(file, decryption), or --passphrase-file / --secret-key in the CLI)");
        }
        boolean opened = false;
        try {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(PGPUtil.getDecoderStream(in));
            Object next = factory.nextObject();
            if (next instanceof PGPMarker) {
                next = factory.nextObject();
            }
            if (!(next instanceof PGPEncryptedDataList list)) {
                throw new PersistorException(source + " is not an encrypted OpenPGP message");
            }
            Opened sealed = decryption.secretKey() == null ? withPassphrase(list, decryption, source)
                    : withSecretKey(list, decryption, source);
            InputStream content = content(sealed, in, source);
            opened = true;
            return content;
        } catch (PGPException e) {
            throw new PersistorException("Cannot decrypt " + source + ": " + e.getMessage(), null, e);
        } finally {
            if (!opened) {
                in.close();
            }
        }
    }

    private static Opened withPassphrase(PGPEncryptedDataList list, Decryption decryption, String source) {
        for (PGPEncryptedData data : list) {
            if (data instanceof PGPPBEEncryptedData sealed) {
                try {
                    // The JVM's own AES, several times faster than Bouncy Castle's portable one.
                    return new Opened(sealed, sealed.getDataStream(new JcePBEDataDecryptorFactoryBuilder(
                            new JcaPGPDigestCalculatorProviderBuilder().build()).build(decryption.passphrase())));
                } catch (PGPException e) {
                    throw new PersistorException("Cannot decrypt " + source + ": wrong passphrase", null, e);
                }
            }
        }
        throw new PersistorException("Cannot decrypt " + source + " with a passphrase: it is encrypted for public "
                + "keys; give the secret key");
    }

    private static Opened withSecretKey(PGPEncryptedDataList list, Decryption decryption, String source)
            throws IOException, PGPException {
        PGPSecretKeyRingCollection rings;
        try (InputStream keys = PGPUtil.getDecoderStream(Files.newInputStream(decryption.secretKey()))) {
            rings = new PGPSecretKeyRingCollection(keys, new BcKeyFingerprintCalculator());
        } catch (IOException | PGPException e) {
            throw new PersistorException("Cannot read the secret key file " + decryption.secretKey() + ": "
                    + e.getMessage(), null, e);
        }
        for (PGPEncryptedData data : list) {
            if (data instanceof PGPPublicKeyEncryptedData sealed) {
                PGPSecretKey key = rings.getSecretKey(sealed.getKeyID());
                if (key != null) {
                    PGPPrivateKey privateKey;
                    try {
                        privateKey = key.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(
                                new BcPGPDigestCalculatorProvider()).build(decryption.passphrase()));
                    } catch (PGPException e) {
                        throw new PersistorException("Cannot decrypt " + source + ": wrong passphrase for the secret "
                                + "key in " + decryption.secretKey(), null, e);
                    }
                    return new Opened(sealed, sealed.getDataStream(new BcPublicKeyDataDecryptorFactory(privateKey)));
                }
            }
        }
        throw new PersistorException("Cannot decrypt " + source + ": none of the keys in " + decryption.secretKey()
                + " is one it was encrypted for");
    }

    /** The literal data of a decrypted message; closing it closes {@code raw}, the encrypted stream it reads. */
    private static InputStream content(Opened opened, InputStream raw, String source) throws IOException,
            PGPException {
        BcPGPObjectFactory inner = new BcPGPObjectFactory(opened.clear());
        Object next = inner.nextObject();
        if (next instanceof PGPCompressedData compressed) {
            next = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
        }
        if (!(next instanceof PGPLiteralData literal)) {
            throw new PersistorException(source + " holds no data once decrypted");
        }
        return new FilterInputStream(literal.getInputStream()) {
            private boolean checked;

            @Override
            public int read() throws IOException {
                int b = super.read();
                return b < 0 ? ended() : b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                return n < 0 ? ended() : n;
            }

            private int ended() throws IOException {
                if (!checked) {
                    checked = true;
                    try {
                        if (opened.data().isIntegrityProtected() && !opened.data().verify()) {
                            throw new IOException(source + " failed OpenPGP's integrity check: it was changed or "
                                    + "corrupted after it was encrypted");
                        }
                    } catch (PGPException e) {
                        throw new IOException(source + " failed OpenPGP's integrity check: " + e.getMessage(), e);
                    }
                }
                return -1;
            }

            @Override
            public void close() throws IOException {
                try (raw) {
                    super.close();
                }
            }
        };
    }

    /** An encrypted packet and its decrypted stream. */
    private record Opened(PGPEncryptedData data, InputStream clear) {
    }
}
