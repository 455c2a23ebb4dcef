package io.persistor.examples.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.persistor.Hazard;
import io.persistor.MigrationVerification;
import io.persistor.SchemaComparison;
import io.persistor.SchemaDiff;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code persistor compare}: the original tool's options, listing what the source has that the target lacks or has
 * otherwise. Exits with 1 when there are differences.
 */
@Command(name = "compare", exitCodeOnInvalidInput = ExitCode.USAGE,
        description = "Compare the structure of two databases; exit code 1 when they differ.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--s-db", required = true, description = "Source database.")
    String sourceDatabase;

    @Option(names = "--s-user", required = true, description = "Source user.")
    String sourceUser;

    @Option(names = "--s-host", defaultValue = "localhost", description = "Source host (default: ${DEFAULT-VALUE}).")
    String sourceHost;

    @Option(names = "--s-pass", description = "Source password; otherwise PGPASSWORD.")
    String sourcePassword;

    @Option(names = "--s-port", defaultValue = "5432", description = "Source port (default: ${DEFAULT-VALUE}).")
    int sourcePort;

    @Option(names = "--s-schema", defaultValue = "public", description = "Source schema (default: ${DEFAULT-VALUE}).")
    String sourceSchema;

    @Option(names = "--t-db", required = true, description = "Target database.")
    String targetDatabase;

    @Option(names = "--t-user", required = true, description = "Target user.")
    String targetUser;

    @Option(names = "--t-host", defaultValue = "localhost", description = "Target host (default: ${DEFAULT-VALUE}).")
    String targetHost;

    @Option(names = "--t-pass", description = "Target password; otherwise PGPASSWORD.")
    String targetPassword;

    @Option(names = "--t-port", defaultValue = "5432", description = "Target port (default: ${DEFAULT-VALUE}).")
    int targetPort;

    @Option(names = "--t-schema", defaultValue = "public", description = "Target schema (default: ${DEFAULT-VALUE}).")
    String targetSchema;

    @Option(names = "--sql", description = "Print the migration that makes the target match the source.")
    boolean sql;

    @Option(names = "--json", description = "Print the differences as JSON.")
    boolean json;

    @Option(names = "--allow-destructive", description = "Write drops and rewriting type changes into the migration.")
    boolean allowDestructive;

    @Option(names = "--allow", split = ",", paramLabel = "HAZARD",
            description = "Also write statements with these hazards: ${COMPLETION-CANDIDATES}.")
    List<Hazard> allowed = new ArrayList<>();

    @Option(names = "--verify", paramLabel = "SCRATCH_DB",
            description = "Prove the migration on this scratch database of the target's server (its contents are"
                    + " replaced): copy the target's schema there, apply, compare again; exit code 4 unless it closes"
                    + " every difference.")
    String verifyDatabase;

    @Option(names = "--online", description = "Write a migration that keeps tables readable and writable: indexes"
            + " built and dropped concurrently, constraints validated after, lock and statement timeouts first.")
    boolean online;

    @Option(names = "--rename-table", paramLabel = "TABLE=NEW",
            description = "The target's TABLE (of --t-schema) is the source's table NEW: rename it, keeping its rows.")
    List<String> tableRenames = new ArrayList<>();

    @Option(names = "--rename-column", paramLabel = "TABLE.COLUMN=NEW",
            description = "The target's COLUMN of TABLE is the source's column NEW: rename it, keeping its values.")
    List<String> columnRenames = new ArrayList<>();

    @Override
    public Integer call() {
        try (HikariDataSource source = new HikariDataSource(pool("persistor-source", sourceHost, sourcePort,
                sourceDatabase, sourceUser, sourcePassword));
             HikariDataSource target = new HikariDataSource(pool("persistor-target", targetHost, targetPort,
                     targetDatabase, targetUser, targetPassword))) {
            SchemaDiff diff = SchemaDiff.between(source, target).schemas(sourceSchema).mapSchema(sourceSchema, targetSchema);
            if (allowDestructive) {
                diff.allowDestructive();
            }
            diff.allow(allowed.toArray(Hazard[]::new));
            if (online) {
                diff.onlineSafe();
            }
            for (String rename : tableRenames) {
                String[] parts = assignment(rename, "--rename-table", "TABLE=NEW");
                diff.renameTable(targetSchema + "." + parts[0], parts[1]);
            }
            for (String rename : columnRenames) {
                String[] parts = assignment(rename, "--rename-column", "TABLE.COLUMN=NEW");
                int dot = parts[0].lastIndexOf('.');
                if (dot <= 0) {
                    throw new ParameterException(spec.commandLine(),
                            "--rename-column takes TABLE.COLUMN=NEW, but got " + rename);
                }
                diff.renameColumn(targetSchema + "." + parts[0].substring(0, dot), parts[0].substring(dot + 1),
                        parts[1]);
            }
            SchemaComparison comparison = diff.compute();
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? comparison.json() : sql ? comparison.migrationSql() : comparison.report());
            out.flush();
            if (verifyDatabase != null && !comparison.isEmpty()) {
                try (HikariDataSource scratch = new HikariDataSource(pool("persistor-scratch", targetHost, targetPort,
                        verifyDatabase, targetUser, targetPassword))) {
                    MigrationVerification verification = comparison.verify(scratch);
                    PrintWriter account = json || sql ? spec.commandLine().getErr() : out;
                    account.print(verification.report());
                    account.flush();
                    return verification.isGood() ? ExitCode.DIFFERENCES : ExitCode.FAILURE;
                }
            }
            out.flush();
            return comparison.isEmpty() ? ExitCode.OK : ExitCode.DIFFERENCES;
        }
    }

    private String[] assignment(String value, String option, String form) {
        int equals = value.indexOf('=');
        if (equals <= 0 || equals == value.length() - 1) {
            throw new ParameterException(spec.commandLine(), option + " takes " + form + ", but got " + value);
        }
        return new String[] {value.substring(0, equals), value.substring(equals + 1)};
    }

    private static HikariConfig pool(String name, String host, int port, String database, String user, String password) {
        ConnectionOptions options = new ConnectionOptions();
        options.host = host;
        options.port = port;
        options.database = database;
        options.user = user;
        options.password = password;
        return options.pool(name, 1);
    }
}
