package io.persistor.model;

/**
 * What logical decoding records of a changed row's old values, when it is not the default.
 *
 * @param kind  {@code FULL}, {@code NOTHING} or {@code INDEX}
 * @param index for {@code INDEX}, the unique index's name; otherwise {@code null}
 */
public record ReplicaIdentity(String kind, String index) {
}
