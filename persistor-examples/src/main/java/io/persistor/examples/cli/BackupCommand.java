package io.persistor.examples.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.persistor.Backup;
import io.persistor.BackupResult;
import io.persistor.BackupVerification;
import io.persistor.Decryption;
import io.persistor.Encryption;
import io.persistor.Format;
import io.persistor.LargeObjects;
import io.persistor.Persistor;
import io.persistor.PersistorException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code persistor backup}: the original tool's options, writing one file and printing a summary. */
@Command(name = "backup", exitCodeOnInvalidInput = ExitCode.USAGE,
        description = "Back up one schema (structure, data and sequence values) into a single SQL file.")
final class BackupCommand implements Callable<Integer> {


    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-s", "--schema"}, split = ",", defaultValue = "public",
            description = "Schema; repeatable or comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--all-schemas", description = "Every schema the user may use, except system schemas.")
    boolean allSchemas;

    @Option(names = "--exclude-table", split = ",",
            description = "Leave out tables matching these patterns (* and ?; schema.table with a dot); repeatable.")
    List<String> excludedTables = new ArrayList<>();

    @Option(names = "--schema-only", description = "Only the definitions: no rows, sequence values or refreshes.")
    boolean schemaOnly;

    @Option(names = "--data-only", description = "Only the rows and sequence values.")
    boolean dataOnly;

    @Option(names = {"-t", "--tables"}, split = ",", description = "Comma-separated tables (default: all).")
    List<String> tables = new ArrayList<>();

    @Option(names = {"-o", "--output-dir"}, defaultValue = ".",
            description = "Directory of the file <database>-<yyyyMMdd-HHmmss>.sql (default: current directory).")
    Path outputDirectory;

    @Option(names = {"-f", "--file"}, description = "Exact output path; overrides --output-dir.")
    Path file;

    @Option(names = "--overwrite", description = "Replace the file if it exists (refused otherwise).")
    boolean overwrite;

    @Option(names = "--format", defaultValue = "inserts",
            description = "inserts (plain SQL, runs anywhere) or copy (faster, psql or persistor restore).")
    String format;

    @Option(names = "--large-objects", defaultValue = "all",
            description = "all (the default; fails naming those the user may not read), readable, or none.")
    String largeObjects;

    @Option(names = "--rows-per-insert", defaultValue = "500", description = "Rows per INSERT (default: ${DEFAULT-VALUE}).")
    int rowsPerInsert;

    @Option(names = {"-j", "--jobs"}, defaultValue = "1",
            description = "Connections reading tables at once, on one snapshot (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--enable-row-security",
            description = "Back up only the rows row-level security lets the role see (refused otherwise).")
    boolean enableRowSecurity;

    @Option(names = "--owners-and-privileges",
            description = "Also restore owners (ALTER ... OWNER TO) and privileges (GRANT/REVOKE).")
    boolean ownersAndPrivileges;

    @Option(names = "--gzip", description = "Compress the file with gzip (also implied by a -f name ending in .gz).")
    boolean gzip;

    @Option(names = "--zstd", description = "Compress the file with Zstandard (also implied by a -f name ending in .zst).")
    boolean zstd;

    @Option(names = "--compression-level", paramLabel = "N",
            description = "The compression level: 1-9 for gzip (default 1), 1-22 for Zstandard (default 3).")
    int compressionLevel;

    @Option(names = "--encrypt-passphrase-file", paramLabel = "FILE",
            description = "Encrypt (OpenPGP, AES-256) with the passphrase in this file (its first line).")
    Path encryptPassphraseFile;

    @Option(names = "--encrypt-for", paramLabel = "KEYFILE",
            description = "Encrypt for the holders of the public keys in this file (gpg --export); repeatable.")
    List<Path> recipients = new ArrayList<>();

    @Option(names = "--keep", paramLabel = "N",
            description = "After the backup is published and verified, delete this database's older backups in "
                    + "--output-dir beyond the N newest (the new one counted).")
    int keep;

    @Option(names = "--keep-days", paramLabel = "D",
            description = "After the backup is published and verified, delete this database's backups in "
                    + "--output-dir older than D days (with --keep, a backup either keeps stays).")
    int keepDays;

    @Option(names = "--no-progress", description = "Print no progress on stderr (none is printed unless a terminal is attached).")
    boolean noProgress;

    @Override
    public Integer call() {
        connection.requireComplete(spec.commandLine());
        if (gzip && zstd) {
            throw new ParameterException(spec.commandLine(), "--gzip and --zstd exclude each other");
        }
        if ((keep != 0 || keepDays != 0) && (file != null || keep < 0 || keepDays < 0)) {
            throw new ParameterException(spec.commandLine(), file != null
                    ? "--keep and --keep-days prune the backups of --output-dir, and cannot be used with --file"
                    : "--keep and --keep-days must be positive");
        }
        if (encryptPassphraseFile != null && !recipients.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "--encrypt-passphrase-file and --encrypt-for exclude each other");
        }
        Format chosen = choice(Format.class, format, "--format", "inserts or copy");
        LargeObjects keptObjects = choice(LargeObjects.class, largeObjects, "--large-objects", "all, readable or none");
        LocalDateTime now = LocalDateTime.now();
        Path target = file != null ? file : outputDirectory.resolve(connection.database + "-"
                + now.format(Retention.STAMP) + (zstd ? ".sql.zst" : gzip ? ".sql.gz" : ".sql")
                + (encryptPassphraseFile != null || !recipients.isEmpty() ? ".gpg" : ""));
        // The backup's own session plus one per parallel reader.
        try (HikariDataSource pool = new HikariDataSource(connection.pool("persistor-backup", jobs))) {
            Backup backup = Persistor.backup(pool).schemas(schemas.toArray(String[]::new))
                    .tables(tables.toArray(String[]::new)).excludeTables(excludedTables.toArray(String[]::new))
                    .format(chosen).rowsPerInsert(rowsPerInsert).parallelism(jobs).largeObjects(keptObjects);
            if (allSchemas) {
                backup.allSchemas();
            }
            if (overwrite) {
                backup.overwrite();
            }
            if (schemaOnly) {
                backup.schemaOnly();
            }
            if (dataOnly) {
                backup.dataOnly();
            }
            if (gzip) {
                backup.gzip();
            }
            if (zstd) {
                backup.zstd();
            }
            if (compressionLevel != 0) {
                backup.compressionLevel(compressionLevel);
            }
            if (encryptPassphraseFile != null) {
                backup.encrypt(Encryption.withPassphrase(Passphrases.read(encryptPassphraseFile)));
            } else if (!recipients.isEmpty()) {
                backup.encrypt(Encryption.forRecipients(recipients.toArray(Path[]::new)));
            }
            if (enableRowSecurity) {
                backup.enableRowSecurity();
            }
            if (ownersAndPrivileges) {
                backup.ownershipAndPrivileges();
            }
            if (!noProgress && System.console() != null) {
                backup.progressListener(new ProgressDisplay(spec.commandLine().getErr()));
            }
            BackupResult result = backup.to(target);
            for (String note : result.notes()) {
                spec.commandLine().getErr().println("Note: " + note);
            }
            spec.commandLine().getOut().println(result.file());
            if (keep != 0 || keepDays != 0) {
                prune(result.file(), now);
            }
            spec.commandLine().getOut().println(String.format(Locale.ROOT,
                    "%d tables, %d rows, %d bytes in %.1f s", result.tables(), result.rows(), result.bytes(),
                    result.duration().toMillis() / 1000.0));
        }
        return ExitCode.OK;
    }

    /** Deletes older backups, once the new one verifies (when Persistor can read it back here). */
    private void prune(Path fresh, LocalDateTime now) {
        if (!recipients.isEmpty()) {
            spec.commandLine().getErr().println("Note: nothing pruned: a backup encrypted for public keys cannot "
                    + "be verified without the secret key");
            return;
        }
        BackupVerification verification = encryptPassphraseFile == null ? Persistor.verify(fresh)
                : Persistor.verify(fresh, Decryption.withPassphrase(Passphrases.read(encryptPassphraseFile)));
        if (!verification.intact()) {
            throw new PersistorException("Nothing pruned: the new backup " + fresh + " does not verify: "
                    + String.join(" ", verification.problems()));
        }
        for (Path deleted : new Retention(keep, keepDays).prune(outputDirectory, connection.database, fresh, now)) {
            spec.commandLine().getErr().println("Pruned: " + deleted);
        }
    }

    private <E extends Enum<E>> E choice(Class<E> type, String value, String option, String expected) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': '" + value + "' (expected " + expected + ")");
        }
    }
}
