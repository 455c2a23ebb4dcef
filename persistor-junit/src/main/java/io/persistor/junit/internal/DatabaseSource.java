package io.persistor.junit.internal;

/** Hands out databases that hold a seed, one per test (or test class), and takes them back. */
public interface DatabaseSource extends AutoCloseable {

    /** @return the server the databases are on */
    ServerAddress server();

    /**
     * A database holding the seed, for the caller alone until {@link #giveBack}.
     *
     * @return its name
     */
    String take();

    /**
     * Takes a database back.
     *
     * @param database the name {@link #take()} gave
     * @param keep     whether to leave it on the server (its test failed), rather than drop it
     */
    void giveBack(String database, boolean keep);

    /** Drops what is left over (databases made ready in advance) and stops the background work. */
    @Override
    void close();
}
