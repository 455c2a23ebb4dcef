package io.persistor.model;

import java.util.List;
import java.util.Objects;

/**
 * An object kept as the statements that recreate it, rendered by the catalog reader from the server's catalog:
 * text search parsers and templates, access methods, operator families and classes, transforms, foreign tables,
 * foreign-data wrappers, foreign servers and user mappings, publications, event triggers and default privileges.
 *
 * @param kind          what it is in SQL words, for example {@code operator class}
 * @param name          how it is named in SQL, for example {@code public.int4_ops USING btree}
 * @param statements    the statements that create it and set its comment, without terminating semicolons
 * @param superuserOnly whether only a superuser may create it
 * @param stage         when a script creates it
 * @param databaseWide  whether it belongs to the database rather than to a schema: a backup keeps it only when it
 *                      takes every schema, as pg_dump does
 */
public record DefinedObject(String kind, String name, List<String> statements, boolean superuserOnly, Stage stage,
                            boolean databaseWide) {

    /** When a script creates such an object. */
    public enum Stage {
        /**
         * Right after the schemas and extensions, before the text search dictionaries and configurations (text search
         * templates and parsers, whose functions are built in).
         */
        FIRST,
        /** Before the routines, whose declarations may name it (transforms); it uses only built-in objects. */
        BEFORE_ROUTINES,
        /** Once the types, routines and operators it uses exist, before the tables (a partition key may use it). */
        BEFORE_TABLES,
        /** Once every table exists, at the end of the pre-data section (a foreign partition of a table). */
        AFTER_TABLES,
        /** At the very end, once every table and row is in place (publications, event triggers). */
        LAST
    }

    /** Copies the statements and rejects missing parts. */
    public DefinedObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        statements = List.copyOf(statements);
        Objects.requireNonNull(stage, "stage");
    }

    /** @return the kind and the name, for messages */
    @Override
    public String toString() {
        return kind + " " + name;
    }
}
