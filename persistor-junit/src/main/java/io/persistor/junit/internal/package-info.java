/**
 * The extension's machinery: servers, seeds, template databases and their clones, and the restore fallback. Not
 * an API: anything here may change in any release.
 */
package io.persistor.junit.internal;
