/** Timings of backups taken inside a running JVM, for the benchmark script in {@code src/bench}. */
package io.persistor.examples.bench;
