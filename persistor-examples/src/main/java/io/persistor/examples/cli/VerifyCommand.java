package io.persistor.examples.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.persistor.BackupVerification;
import io.persistor.Decryption;
import io.persistor.Persistor;
import io.persistor.Restore;
import io.persistor.s3.S3InputSource;
import io.persistor.s3.S3Location;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code persistor verify FILE}: checks a backup offline against its manifest, and with {@code --restore-check}
 * also restores it into a scratch database and counts the rows there.
 */
@Command(name = "verify", exitCodeOnInvalidInput = ExitCode.USAGE,
        description = {"Check a backup file or s3://bucket/key (plain, gzip, Zstandard or encrypted) offline: complete, "
                + "unchanged since it was written (its SHA-256), and each table's rows as its manifest counts them.",
                "With --restore-check, also restore it into the scratch database -d (what is in the way in its "
                        + "schemas is dropped first) and count each table's rows there.",
                "Exit code 0 when intact, 1 when something is wrong (each problem on standard error)."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file, or s3://bucket/key.")
    String file;

    @Mixin
    DecryptionOptions decryption;

    @Mixin
    S3Options s3;

    @Option(names = "--restore-check",
            description = "Also restore into the scratch database given by -d (and -u, -h, -p) and compare row counts.")
    boolean restoreCheck;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        if (restoreCheck) {
            connection.requireComplete(spec.commandLine());
        }
        Decryption key = decryption.decryption();
        List<String> problems = new ArrayList<>();
        BackupVerification verification;
        if (S3Location.isS3(file)) {
            S3Location location = S3Location.parse(file);
            try (S3Client client = s3.client(location)) {
                S3InputSource source = new S3InputSource(client, location);
                verification = Persistor.verify(source, key);
                problems.addAll(verification.problems());
                if (restoreCheck && verification.intact()) {
                    problems.addAll(restoreCheck(verification, restore -> restore.from(source)));
                }
            }
        } else {
            Path path = Path.of(file);
            verification = key == null ? Persistor.verify(path) : Persistor.verify(path, key);
            problems.addAll(verification.problems());
            if (restoreCheck && verification.intact()) {
                problems.addAll(restoreCheck(verification, restore -> restore.from(path)));
            }
        }
        long rows = verification.rows().values().stream().mapToLong(Long::longValue).sum();
        if (problems.isEmpty()) {
            spec.commandLine().getOut().println(file + ": intact, " + verification.rows().size() + " tables, " + rows
                    + " rows" + (restoreCheck ? ", restored into " + connection.database + " with the same counts" : ""));
            return ExitCode.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(file + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
        problems.forEach(problem -> err.println("  " + problem));
        return ExitCode.DIFFERENCES;
    }

    private List<String> restoreCheck(BackupVerification verification, Consumer<Restore> run) {
        try (HikariDataSource pool = new HikariDataSource(connection.pool("persistor-verify", 1))) {
            Restore restore = Persistor.restore(pool).cleanFirst();
            if (decryption.decryption() != null) {
                restore.decrypt(decryption.decryption());
            }
            run.accept(restore);
            return RestoreCheck.compare(pool, verification.rows());
        }
    }
}
