/** The backup script's text: quoting of identifiers and literals, and the layout of the file. */
package io.persistor.core.internal.script;
