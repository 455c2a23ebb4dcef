package io.persistor.examples.cli;

import io.persistor.Decryption;
import io.persistor.Persistor;
import io.persistor.ScriptEntry;
import io.persistor.s3.S3InputSource;
import io.persistor.s3.S3Location;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code persistor list FILE}: prints a backup's table of contents, one object per line. */
@Command(name = "list", exitCodeOnInvalidInput = ExitCode.USAGE,
        description = {"List the objects of a backup file or s3://bucket/key (Persistor's or a pg_dump plain file; "
                + "plain, gzip, Zstandard or encrypted): line, section, kind, name, the table it belongs to and, for "
                + "table data, the rows the file holds.",
                "Columns are separated by tabs; restore --table, --schema, --exclude-table and --filter pick from "
                        + "them."})
final class ListCommand implements Callable<Integer> {

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

    @Override
    public Integer call() {
        Decryption key = decryption.decryption();
        List<ScriptEntry> entries;
        if (S3Location.isS3(file)) {
            S3Location location = S3Location.parse(file);
            try (S3Client client = s3.client(location)) {
                entries = Persistor.contents(new S3InputSource(client, location), key);
            }
        } else {
            entries = key == null ? Persistor.contents(Path.of(file))
                    : Persistor.contents(Path.of(file), key);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("line\tsection\tkind\tname\ttable\trows");
        for (ScriptEntry entry : entries) {
            String name = entry.name() == null ? "" : entry.schema() == null ? entry.name()
                    : entry.schema() + "." + entry.name();
            out.println(entry.line() + "\t" + entry.section() + "\t" + entry.kind() + "\t" + name + "\t"
                    + (entry.table() == null ? "" : entry.table()) + "\t" + (entry.rows() < 0 ? "" : entry.rows()));
        }
        return ExitCode.OK;
    }
}
