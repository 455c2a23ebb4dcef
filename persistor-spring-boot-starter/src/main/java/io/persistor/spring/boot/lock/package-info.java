/**
 * Runs a backup at most once at a time across every instance of an application: a PostgreSQL advisory lock, taken
 * by a session of the backup's own database and handed to the backup as its first connection. No table, no privilege
 * beyond {@code CONNECT}.
 */
package io.persistor.spring.boot.lock;
