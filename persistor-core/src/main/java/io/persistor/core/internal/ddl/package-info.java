/** Turns catalog model objects into the DDL statements of the script's pre-data and post-data sections. */
package io.persistor.core.internal.ddl;
