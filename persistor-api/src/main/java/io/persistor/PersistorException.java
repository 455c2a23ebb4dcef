package io.persistor;

/**
 * The one unchecked exception Persistor throws. Its message names the object, privilege, file or option
 * at fault and says how to fix it; {@link #sqlState()} carries the server's SQLSTATE where there was one.
 */
public class PersistorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * Creates an exception without a server error code.
     *
     * @param message what went wrong and how to fix it
     */
    public PersistorException(String message) {
        this(message, null, null);
    }

    /**
     * Creates an exception caused by another one.
     *
     * @param message  what went wrong and how to fix it
     * @param sqlState the server's SQLSTATE, or {@code null}
     * @param cause    the underlying failure, or {@code null}
     */
    public PersistorException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /**
     * The SQLSTATE the server reported, such as {@code 42501} for a missing privilege.
     *
     * @return the code, or {@code null} when the failure did not come from the server
     */
    public String sqlState() {
        return sqlState;
    }
}
