/**
 * Implementation details of {@code persistor-core}, one package per step of the data flow:
 * {@code catalog} reads the server, {@code ddl} and {@code data} turn the model and the rows into SQL,
 * {@code script} lays the file out, {@code sink} publishes it and {@code backup} runs the whole.
 * Nothing here is API.
 */
package io.persistor.core.internal;
