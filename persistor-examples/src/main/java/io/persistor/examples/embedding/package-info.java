/** An application that embeds Persistor to back up its own database. */
package io.persistor.examples.embedding;
