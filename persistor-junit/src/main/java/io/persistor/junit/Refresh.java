package io.persistor.junit;

/** How often a test class gets a fresh database cloned from its seed. */
public enum Refresh {

    /** Every test method gets its own database: nothing one test commits reaches another. The default. */
    EACH_TEST,

    /** The test class gets one database, shared by its test methods in order (and by its lifecycle methods). */
    EACH_CLASS
}
