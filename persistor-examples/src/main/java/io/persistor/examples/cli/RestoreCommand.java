package io.persistor.examples.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.persistor.Persistor;
import io.persistor.Restore;
import io.persistor.RestoreResult;
import io.persistor.s3.S3InputSource;
import io.persistor.s3.S3Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code persistor restore}: runs a backup (a file or an {@code s3://} object) into a database, all or nothing. */
@Command(name = "restore", exitCodeOnInvalidInput = ExitCode.USAGE,
        description = "Restore a backup file into a database, in one transaction, without psql.")
final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-f", "--file"}, required = true,
            description = "The backup file or s3://bucket/key: plain, gzip or Zstandard, encrypted or not.")
    String file;

    @Mixin
    S3Options s3;

    @Option(names = "--clean", description = "Drop what is in the way in the file's schemas first (with a "
            + "selection, only the chosen tables, views and sequences).")
    boolean clean;

    @Option(names = {"-t", "--table"}, split = ",", paramLabel = "PATTERN",
            description = "Restore only these tables (* and ?, schema.table), with their data, keys, indexes, "
                    + "triggers, owned sequences and partitions; repeatable.")
    List<String> tables = new ArrayList<>();

    @Option(names = {"-n", "--schema"}, split = ",", paramLabel = "PATTERN",
            description = "Restore only the objects of these schemas; repeatable.")
    List<String> schemas = new ArrayList<>();

    @Option(names = {"-T", "--exclude-table"}, split = ",", paramLabel = "PATTERN",
            description = "Leave out these tables and what belongs to them; repeatable.")
    List<String> excludedTables = new ArrayList<>();

    @Option(names = {"-N", "--exclude-schema"}, split = ",", paramLabel = "PATTERN",
            description = "Leave out the objects of these schemas; repeatable.")
    List<String> excludedSchemas = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "FILE",
            description = "Restore what a filter file takes (PostgreSQL 17's format: include|exclude "
                    + "table|schema|table_data PATTERN per line).")
    Path filter;

    @Option(names = "--no-single-transaction", description = "Commit each statement on its own.")
    boolean noSingleTransaction;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "1",
            description = "Load the rows and build the indexes and keys with N connections; on failure everything "
                    + "the restore created is dropped again (default: 1, one transaction).")
    int jobs;

    @Mixin
    DecryptionOptions decryption;

    @Option(names = "--allow-missing-marker",
            description = "Run a file without Persistor's closing marker, such as a pg_dump file.")
    boolean allowMissingMarker;

    @Override
    public Integer call() {
        connection.requireComplete(spec.commandLine());
        try (HikariDataSource pool = new HikariDataSource(connection.pool("persistor-restore", Math.max(1, jobs)))) {
            Restore restore = Persistor.restore(pool).singleTransaction(!noSingleTransaction).jobs(jobs);
            if (clean) {
                restore.cleanFirst();
            }
            if (allowMissingMarker) {
                restore.allowMissingClosingMarker();
            }
            restore.table(tables.toArray(String[]::new)).schema(schemas.toArray(String[]::new))
                    .excludeTable(excludedTables.toArray(String[]::new))
                    .excludeSchema(excludedSchemas.toArray(String[]::new));
            if (filter != null) {
                restore.filter(filter);
            }
            if (decryption.decryption() != null) {
                restore.decrypt(decryption.decryption());
            }
            RestoreResult result;
            if (S3Location.isS3(file)) {
                S3Location location = S3Location.parse(file);
                try (S3Client client = s3.client(location)) {
                    result = restore.from(new S3InputSource(client, location));
                }
            } else {
                result = restore.from(Path.of(file));
            }
            spec.commandLine().getOut().println(String.format(Locale.ROOT, "%d statements, %d rows in %.1f s",
                    result.statements(), result.rows(), result.duration().toMillis() / 1000.0));
        }
        return ExitCode.OK;
    }
}
