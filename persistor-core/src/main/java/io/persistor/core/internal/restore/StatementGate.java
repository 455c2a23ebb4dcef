package io.persistor.core.internal.restore;

/**
 * Decides, statement by statement in the script's order, what a {@link ScriptRunner} does with each: a selective
 * restore runs some and passes over others, a parallel restore's phases each stop where the next one begins.
 */
interface StatementGate {

    /** What to do with a statement. */
    enum Decision {
        /** Run it. */
        RUN,
        /** Pass over it (and its rows). */
        SKIP,
        /** Stop before it; the next run of the runner starts with it. */
        STOP
    }

    /**
     * @param sql a statement of the script, in order
     * @return what to do with it
     */
    Decision decide(String sql);
}
