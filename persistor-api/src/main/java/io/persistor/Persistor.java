package io.persistor;

import io.persistor.spi.InputSource;
import io.persistor.spi.PersistorProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where every Persistor operation starts: {@link #backup(DataSource)}, {@link #restore(DataSource)} and
 * {@link #verify(Path)}.
 *
 * <pre>{@code
 * BackupResult result = Persistor.backup(dataSource)
 *         .schema("public")
 *         .tables("customer", "orders")
 *         .to(Path.of("shop.sql"));
 * }</pre>
 *
 * <p>The work is done by the {@link io.persistor.spi.PersistorProvider} found on the class path
 * ({@code persistor-core} provides the PostgreSQL one).
 */
public final class Persistor {

    private Persistor() {
    }

    /**
     * Starts describing a backup of the database behind {@code dataSource}.
     *
     * @param dataSource where to read from; the role needs only {@code CONNECT}, {@code USAGE} on the
     *                   schemas and {@code SELECT} on the tables and sequences
     * @return a single-use builder; nothing is read until its terminal call
     */
    public static Backup backup(DataSource dataSource) {
        return new Backup(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Starts describing a restore into the database behind {@code dataSource}.
     *
     * <pre>{@code
     * RestoreResult result = Persistor.restore(dataSource).from(Path.of("shop.sql"));
     * }</pre>
     *
     * @param dataSource the target database; its role needs the privileges of the database's owner, never a superuser
     * @return a single-use builder; nothing runs until its terminal call
     */
    public static Restore restore(DataSource dataSource) {
        return new Restore(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Checks a backup file offline, plain or gzip-compressed: that it is complete, that its SHA-256 is the one its
     * manifest gives (so not a byte changed since it was written), and that each table holds the rows the manifest
     * counts. Nothing connects to a database.
     *
     * @param file the backup
     * @return what was found; {@link BackupVerification#intact()} when nothing is wrong
     * @throws PersistorException when the file cannot be read at all
     */
    public static BackupVerification verify(Path file) {
        return verify(file, null, "file");
    }

    /**
     * Checks an encrypted backup file offline, as {@link #verify(Path)} checks others; a wrong passphrase or key is
     * one of the problems it names.
     *
     * @param file       the backup
     * @param decryption the passphrase, or the secret key
     * @return what was found
     * @throws PersistorException when the file cannot be read at all
     */
    public static BackupVerification verify(Path file, Decryption decryption) {
        return verify(file, Objects.requireNonNull(decryption, "decryption"), "file");
    }

    /**
     * Checks a backup read from a source, such as an object in a bucket, as {@link #verify(Path)} checks a file.
     *
     * @param source     the backup
     * @param decryption the passphrase or the secret key, or {@code null} when it is not encrypted
     * @return what was found; its {@code file} is the source's
     * @throws PersistorException when the source cannot be read at all
     */
    public static BackupVerification verify(InputSource source, Decryption decryption) {
        return Providers.provider().verify(Objects.requireNonNull(source, "source"), decryption);
    }

    /**
     * Lists a script's objects: kind, name, section and, for table data, the rows the script holds; Persistor's
     * files and pg_dump's plain files, compressed or not.
     *
     * @param file the script
     * @return its table of contents, in the script's order
     * @throws PersistorException when the file cannot be read
     */
    public static List<ScriptEntry> contents(Path file) {
        PersistorProvider provider = Providers.provider();
        return provider.contents(provider.fileSource(Objects.requireNonNull(file, "file")), null);
    }

    /**
     * Lists the objects of an encrypted script file, as {@link #contents(Path)} does.
     *
     * @param file       the script
     * @param decryption the passphrase or secret key
     * @return its table of contents
     * @throws PersistorException when the file cannot be read or decrypted
     */
    public static List<ScriptEntry> contents(Path file, Decryption decryption) {
        PersistorProvider provider = Providers.provider();
        return provider.contents(provider.fileSource(Objects.requireNonNull(file, "file")),
                Objects.requireNonNull(decryption, "decryption"));
    }

    /**
     * Lists the objects of a script read from a source, encrypted or not, as {@link #contents(Path)} does.
     *
     * @param source     the script
     * @param decryption what decrypts it, or {@code null}
     * @return its table of contents
     * @throws PersistorException when the source cannot be read or decrypted
     */
    public static List<ScriptEntry> contents(InputSource source, Decryption decryption) {
        return Providers.provider().contents(Objects.requireNonNull(source, "source"), decryption);
    }

    private static BackupVerification verify(Path file, Decryption decryption, String name) {
        PersistorProvider provider = Providers.provider();
        return provider.verify(provider.fileSource(Objects.requireNonNull(file, name)), decryption);
    }

    /**
     * The version of this library, as written into the header of every backup.
     *
     * @return the version, for example {@code 0.2.0}
     */
    public static String version() {
        return PersistorVersion.VALUE;
    }
}
