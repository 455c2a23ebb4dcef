package io.persistor.examples.cli;

import io.persistor.BackupVerification;
import io.persistor.Persistor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code persistor verify FILE}: checks a backup file offline against its manifest. */
@Command(name = "verify", exitCodeOnInvalidInput = ExitCode.USAGE,
        description = {"Check a backup file (plain, gzip, Zstandard or encrypted) offline: complete, unchanged since it was written (its "
                + "SHA-256), and each table's rows as its manifest counts them.",
                "Exit code 0 when intact, 1 when something is wrong (each problem on standard error)."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file.")
    Path file;

    @Mixin
    DecryptionOptions decryption;

    @Override
    public Integer call() {
        BackupVerification verification = decryption.decryption() == null ? Persistor.verify(file)
                : Persistor.verify(file, decryption.decryption());
        long rows = verification.rows().values().stream().mapToLong(Long::longValue).sum();
        if (verification.intact()) {
            spec.commandLine().getOut().println(file + ": intact, " + verification.rows().size() + " tables, " + rows
                    + " rows");
            return ExitCode.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(file + ": " + verification.problems().size() + " problem"
                + (verification.problems().size() == 1 ? "" : "s"));
        verification.problems().forEach(problem -> err.println("  " + problem));
        return ExitCode.DIFFERENCES;
    }
}
