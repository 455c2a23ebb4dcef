/** The demo: a backup, restore and comparison on a PostgreSQL the demo starts itself, for a first look. */
package io.persistor.examples.demo;
