package io.persistor;

/**
 * Which large objects a backup keeps. Large objects belong to the database, not to a schema: they are kept whatever
 * schemas or tables the backup selects, with their OIDs (so the {@code oid} columns that point at them still do),
 * comments and, with {@link Backup#ownershipAndPrivileges()}, owners and grants.
 */
public enum LargeObjects {
    /** Every large object; the backup fails, naming them, when the role may not read some (the default). */
    ALL,
    /** The large objects the role may read; the others are left out and named in a note. */
    READABLE,
    /** None; their number is given in a note. */
    NONE
}
