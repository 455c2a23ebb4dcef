package io.persistor.examples.cli;

/** The process exit codes of the command-line tool. */
public final class ExitCode {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** {@code compare} found differences, or {@code verify} found a file not intact. */
    public static final int DIFFERENCES = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The server could not be reached or refused the login. */
    public static final int CONNECTION = 3;
    /** Anything else failed. */
    public static final int FAILURE = 4;

    private ExitCode() {
    }

    /**
     * Classifies a failure by its SQLSTATE: class 08 (connection), class 28 (authorization) and 3D000 (no such
     * database) are connection errors.
     *
     * @param sqlState the server's or driver's code, or {@code null}
     * @return {@link #CONNECTION} or {@link #FAILURE}
     */
    static int forSqlState(String sqlState) {
        boolean connection = sqlState != null
                && (sqlState.startsWith("08") || sqlState.startsWith("28") || sqlState.equals("3D000"));
        return connection ? CONNECTION : FAILURE;
    }
}
