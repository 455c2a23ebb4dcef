package io.persistor.core.internal.crypto;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/**
 * Seals the temporary files an encrypted backup reads ahead into, with a key that lives only in this JVM's memory
 * (AES-256 in counter mode, a fresh counter block per file), so that no row is on disk unencrypted even for a
 * moment.
 */
public final class SpoolCipher {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private SpoolCipher(SecretKey key) {
        this.key = key;
    }

    /** @return a cipher with a new random key */
    public static SpoolCipher withRandomKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return new SpoolCipher(generator.generateKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot make AES-256 keys", e);
        }
    }

    /** @return a new counter block, one per file */
    public byte[] newIv() {
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        return iv;
    }

    /**
     * Encrypts what is written into a file's stream.
     *
     * @param out the file's stream
     * @param iv  the file's counter block
     * @return the sealing stream; closing it closes {@code out}
     */
    public OutputStream sealing(OutputStream out, byte[] iv) {
        return new CipherOutputStream(out, cipher(Cipher.ENCRYPT_MODE, iv));
    }

    /**
     * Decrypts what a file's stream gives.
     *
     * @param in the file's stream
     * @param iv the file's counter block
     * @return the opening stream; closing it closes {@code in}
     */
    public InputStream opening(InputStream in, byte[] iv) {
        return new CipherInputStream(in, cipher(Cipher.DECRYPT_MODE, iv));
    }

    private Cipher cipher(int mode, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(mode, key, new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM lacks AES/CTR", e);
        }
    }
}
