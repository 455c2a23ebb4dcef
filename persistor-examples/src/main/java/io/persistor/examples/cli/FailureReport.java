package io.persistor.examples.cli;

import com.zaxxer.hikari.pool.HikariPool;
import io.persistor.PersistorException;
import java.sql.SQLException;
import picocli.CommandLine;

/** Turns a failed command into one line on stderr and an exit code; the stack trace only with {@code --verbose}. */
final class FailureReport implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine,
                                        CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("persistor: " + message(failure));
        if (parseResult.hasMatchedOption("--verbose")
                || parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose")) {
            failure.printStackTrace(commandLine.getErr());
        }
        return exitCode(failure);
    }

    private static int exitCode(Throwable failure) {
        if (failure instanceof HikariPool.PoolInitializationException && failure.getCause() instanceof SQLException) {
            return ExitCode.forSqlState(((SQLException) failure.getCause()).getSQLState());
        }
        if (failure instanceof PersistorException) {
            return ExitCode.forSqlState(((PersistorException) failure).sqlState());
        }
        return ExitCode.FAILURE;
    }

    private static String message(Throwable failure) {
        if (failure instanceof HikariPool.PoolInitializationException && failure.getCause() != null) {
            return "cannot connect: " + failure.getCause().getMessage();
        }
        return failure.getMessage();
    }
}
