package io.persistor.model;

import java.util.List;

/**
 * A row-level security policy.
 *
 * @param name       its name
 * @param permissive {@code true} for {@code PERMISSIVE}, {@code false} for {@code RESTRICTIVE}
 * @param command    {@code ALL}, {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param roles      the roles it applies to, quoted, or {@code PUBLIC}
 * @param using      its {@code USING} expression, or {@code null}
 * @param withCheck  its {@code WITH CHECK} expression, or {@code null}
 * @param comment    its comment, or {@code null}
 */
public record Policy(String name, boolean permissive, String command, List<String> roles, String using,
                     String withCheck, String comment) {

    /** Copies the list. */
    public Policy {
        roles = List.copyOf(roles);
    }
}
