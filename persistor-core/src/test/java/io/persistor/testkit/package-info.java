/**
 * The shared test kit, shipped as persistor-core's test-jar: real PostgreSQL servers of every supported major
 * started from the binaries on Maven Central, a fresh database per test, the SELECT-only backup role, a
 * non-superuser restore owner, psql, and the independent fingerprint that round-trip tests compare.
 */
package io.persistor.testkit;
