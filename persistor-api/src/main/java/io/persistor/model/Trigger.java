package io.persistor.model;

/**
 * A trigger.
 *
 * @param name       its name
 * @param definition the {@code CREATE TRIGGER} statement as {@code pg_get_triggerdef} renders it
 * @param enabled    when it fires
 * @param comment    its comment, or {@code null}
 * @param inherited  whether it is a partition's copy of its parent's trigger, which the parent's creates: such a
 *                   copy is read only when its firing state or its comment is its own
 */
public record Trigger(String name, String definition, Firing enabled, String comment, boolean inherited) {

    /** {@code pg_trigger.tgenabled}. */
    public enum Firing {
        /** Fires in origin and local sessions (the default). */
        ORIGIN,
        /** Disabled. */
        DISABLED,
        /** Fires only when {@code session_replication_role} is {@code replica}. */
        REPLICA,
        /** Fires always. */
        ALWAYS
    }
}
