package io.persistor;

/** What a restore does when a statement fails. */
public enum OnError {

    /** Stop at the first failing statement; in a single transaction nothing is kept. The default. */
    STOP,

    /**
     * Skip the failing statement, record its error in {@link RestoreResult#errors()} and go on (inside a single
     * transaction each statement runs under a savepoint).
     */
    CONTINUE
}
