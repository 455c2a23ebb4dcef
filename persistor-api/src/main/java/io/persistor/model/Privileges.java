package io.persistor.model;

import java.util.List;

/**
 * Who owns an object and what others were granted on it. Read always; written into a backup only when asked for.
 *
 * @param kind      the object's kind as {@code ALTER ... OWNER} names it: {@code SCHEMA}, {@code TABLE}, {@code VIEW},
 *                  {@code MATERIALIZED VIEW}, {@code SEQUENCE}, {@code TYPE}, {@code DOMAIN}, {@code FUNCTION},
 *                  {@code PROCEDURE} or {@code AGGREGATE}
 * @param name      the object's name; for a schema, the schema's name in both parts
 * @param arguments a routine's identity arguments, otherwise the empty string
 * @param owner     the owning role
 * @param grants       the object's access privileges, or {@code null} when they are the defaults (never changed)
 * @param columnGrants privileges granted on single columns of a table or view
 */
public record Privileges(String kind, QualifiedName name, String arguments, String owner, List<Grant> grants,
                         List<Grant> columnGrants) {

    /** Copies the lists. */
    public Privileges {
        grants = grants == null ? null : List.copyOf(grants);
        columnGrants = List.copyOf(columnGrants);
    }

    /**
     * One privilege granted to one role.
     *
     * @param grantee   the role, or {@code PUBLIC}
     * @param privilege {@code SELECT}, {@code USAGE}, {@code EXECUTE} and so on
     * @param column    for a column privilege the column, otherwise {@code null}
     * @param grantable whether it was granted {@code WITH GRANT OPTION}
     */
    public record Grant(String grantee, String privilege, String column, boolean grantable) {
    }
}
