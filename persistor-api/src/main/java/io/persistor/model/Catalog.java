package io.persistor.model;

import java.util.List;

/**
 * What was read from one database.
 *
 * @param serverVersion    the server's {@code server_version}, for example {@code 17.2}
 * @param serverVersionNum the server's {@code server_version_num}, for example {@code 170002}
 * @param database         the database's name
 * @param schemas          the schemas read, in the order they were asked for
 */
public record Catalog(String serverVersion, int serverVersionNum, String database, List<Schema> schemas) {

    /** Copies the list. */
    public Catalog {
        schemas = List.copyOf(schemas);
    }
}
