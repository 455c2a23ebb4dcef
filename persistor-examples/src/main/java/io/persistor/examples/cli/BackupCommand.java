package io.persistor.examples.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.persistor.Backup;
import io.persistor.BackupResult;
import io.persistor.BackupVerification;
import io.persistor.Compression;
import io.persistor.Decryption;
import io.persistor.Encryption;
import io.persistor.Format;
import io.persistor.LargeObjects;
import io.persistor.Mask;
import io.persistor.Persistor;
import io.persistor.Retention;
import io.persistor.s3.S3InputSource;
import io.persistor.s3.S3Location;
import io.persistor.s3.S3OutputSink;
import io.persistor.s3.S3Retention;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.s3.S3Client;

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

    @Option(names = "--filter", paramLabel = "FILE",
            description = "Back up what a filter file takes (PostgreSQL 17's pg_dump format: include|exclude "
                    + "table|table_and_children|schema PATTERN, exclude table_data PATTERN per line).")
    Path filter;

    @Option(names = "--where", paramLabel = "'TABLE: CONDITION'",
            description = "Keep only the table's rows where the SQL condition holds, and the rows they reference "
                    + "(a subset); repeatable.")
    List<String> where = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "'TABLE: N'",
            description = "Keep at most N rows of the table, by primary key, and the rows they reference; repeatable.")
    List<String> limits = new ArrayList<>();

    @Option(names = "--follow-referencing", paramLabel = "DEPTH", defaultValue = "0",
            description = "In a subset, also keep the rows referencing kept rows, down to DEPTH steps (default: 0).")
    int followReferencing;

    @Option(names = "--no-follow-foreign-keys",
            description = "In a subset, do not add the rows kept rows reference (foreign keys may then fail on restore).")
    boolean noFollowForeignKeys;

    @Option(names = "--mask", paramLabel = "'TABLE.COLUMN: MASK'",
            description = "Write the column's values masked: email, name, firstName, lastName, phone, "
                    + "number(MIN, MAX), dateShift(DAYS), null, constant(VALUE), hash, or a transformer of your own; "
                    + "foreign keys to or from it are masked alike. Repeatable.")
    List<String> masks = new ArrayList<>();

    @Option(names = "--masking-key-file", paramLabel = "FILE",
            description = "The secret masks derive their fakes from (its first line, at least 16 characters): the "
                    + "same key gives the same fakes. Without it each backup draws a random key.")
    Path maskingKeyFile;

    @Option(names = "--schema-only", description = "Only the definitions: no rows, sequence values or refreshes.")
    boolean schemaOnly;

    @Option(names = "--data-only", description = "Only the rows and sequence values.")
    boolean dataOnly;

    @Option(names = {"-t", "--tables"}, split = ",", description = "Comma-separated tables (default: all).")
    List<String> tables = new ArrayList<>();

    @Option(names = {"-o", "--output-dir"}, defaultValue = ".",
            description = "Directory, or s3://bucket/prefix/, of the file <database>-<yyyyMMdd-HHmmss>.sql "
                    + "(default: current directory).")
    String outputDirectory;

    @Option(names = {"-f", "--file"}, description = "Exact output path or s3://bucket/key; overrides --output-dir.")
    String file;

    @Mixin
    S3Options s3;

    @Option(names = "--s3-part-size", paramLabel = "MB", defaultValue = "16",
            description = "Size of the first parts of an s3:// upload, 5 to 1024 MB (default: ${DEFAULT-VALUE}); "
                    + "two parts are held in memory.")
    int partSizeMegabytes;

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
        if ((keep != 0 || keepDays != 0) && !recipients.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--keep and --keep-days prune only once the new backup "
                    + "verifies, and one encrypted with --encrypt-for cannot be read back without the secret key");
        }
        if (encryptPassphraseFile != null && !recipients.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "--encrypt-passphrase-file and --encrypt-for exclude each other");
        }
        Map<String, String> conditions = new LinkedHashMap<>();
        for (String entry : where) {
            String[] parts = tableAndValue(entry, "--where");
            conditions.put(parts[0], parts[1]);
        }
        Map<String, Long> rowLimits = new LinkedHashMap<>();
        for (String entry : limits) {
            String[] parts = tableAndValue(entry, "--limit");
            try {
                rowLimits.put(parts[0], Long.parseLong(parts[1]));
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--limit': '" + entry
                        + "' (expected 'schema.table: N')");
            }
        }
        Map<String, Mask> columnMasks = new LinkedHashMap<>();
        for (String entry : masks) {
            String[] parts = tableAndValue(entry, "--mask");
            try {
                columnMasks.put(parts[0], Mask.parse(parts[1]));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--mask': '" + entry
                        + "': " + e.getMessage());
            }
        }
        Format chosen = choice(Format.class, format, "--format", "inserts or copy");
        LargeObjects keptObjects = choice(LargeObjects.class, largeObjects, "--large-objects", "all, readable or none");
        LocalDateTime now = LocalDateTime.now();
        String name = Retention.fileName(connection.database, now,
                zstd ? Compression.ZSTD : gzip ? Compression.GZIP : Compression.NONE, encrypted());
        String target = file != null ? file : S3Location.isS3(outputDirectory)
                ? S3Location.parse(outputDirectory.endsWith("/") ? outputDirectory : outputDirectory + "/").resolve(name)
                        .toString()
                : Path.of(outputDirectory).resolve(name).toString();
        // The backup's own session plus one per parallel reader.
        try (HikariDataSource pool = new HikariDataSource(connection.pool("persistor-backup", jobs))) {
            Backup backup = Persistor.backup(pool).tables(tables.toArray(String[]::new))
                    .excludeTables(excludedTables.toArray(String[]::new)).format(chosen).rowsPerInsert(rowsPerInsert)
                    .parallelism(jobs).largeObjects(keptObjects);
            // A filter file picks among every schema, unless -s says which.
            if (filter == null || spec.commandLine().getParseResult().hasMatchedOption("--schema")) {
                backup.schemas(schemas.toArray(String[]::new));
            }
            if (allSchemas) {
                backup.allSchemas();
            }
            if (filter != null) {
                backup.filter(filter);
            }
            conditions.forEach(backup::where);
            rowLimits.forEach(backup::limit);
            backup.followForeignKeys(!noFollowForeignKeys).followReferencing(followReferencing);
            columnMasks.forEach(backup::mask);
            if (maskingKeyFile != null) {
                backup.maskingKey(new String(Passphrases.read(maskingKeyFile)));
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
            BackupResult result;
            if (S3Location.isS3(target)) {
                S3Location location = S3Location.parse(target);
                try (S3Client client = s3.client(location)) {
                    result = backup.to(new S3OutputSink(client, location, (long) partSizeMegabytes << 20, overwrite));
                    spec.commandLine().getOut().println(location);
                    if (keep != 0 || keepDays != 0) {
                        BackupVerification verification = Persistor.verify(new S3InputSource(client, location),
                                decryption());
                        S3Retention.prune(client, location, verification, retention(), connection.database, now)
                                .forEach(deleted -> spec.commandLine().getErr().println("Pruned: " + deleted));
                    }
                }
            } else {
                result = backup.to(Path.of(target));
                spec.commandLine().getOut().println(result.file());
                if (keep != 0 || keepDays != 0) {
                    BackupVerification verification = decryption() == null ? Persistor.verify(result.file())
                            : Persistor.verify(result.file(), decryption());
                    retention().prune(verification, connection.database, now)
                            .forEach(deleted -> spec.commandLine().getErr().println("Pruned: " + deleted));
                }
            }
            for (String note : result.notes()) {
                spec.commandLine().getErr().println("Note: " + note);
            }
            spec.commandLine().getOut().println(String.format(Locale.ROOT,
                    "%d tables, %d rows, %d bytes in %.1f s", result.tables(), result.rows(), result.bytes(),
                    result.duration().toMillis() / 1000.0));
        }
        return ExitCode.OK;
    }

    private boolean encrypted() {
        return encryptPassphraseFile != null || !recipients.isEmpty();
    }

    /** What reads the new backup back to verify it before pruning. */
    private Decryption decryption() {
        return encryptPassphraseFile == null ? null
                : Decryption.withPassphrase(Passphrases.read(encryptPassphraseFile));
    }

    private Retention retention() {
        return keep == 0 ? Retention.keepDays(keepDays) : keepDays == 0 ? Retention.keep(keep)
                : Retention.keep(keep).orDays(keepDays);
    }

    /** Splits {@code "schema.table: value"} at its first colon. */
    private String[] tableAndValue(String entry, String option) {
        int colon = entry.indexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': '" + entry
                    + "' (expected 'schema.table: value')");
        }
        return new String[] {entry.substring(0, colon).strip(), entry.substring(colon + 1).strip()};
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
