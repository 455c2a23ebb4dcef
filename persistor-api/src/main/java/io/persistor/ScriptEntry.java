package io.persistor;

/**
 * One object of a backup's table of contents ({@code Persistor.contents}, {@code persistor list}): what a
 * statement of the script creates, alters or fills.
 *
 * @param kind    what it is, in pg_dump's words: {@code SCHEMA}, {@code TABLE}, {@code TABLE DATA},
 *                {@code SEQUENCE}, {@code SEQUENCE SET}, {@code INDEX}, {@code CONSTRAINT},
 *                {@code FK CONSTRAINT}, {@code TRIGGER}, {@code VIEW}, {@code FUNCTION}, {@code COMMENT},
 *                {@code ACL} and so on
 * @param schema  the schema it is in, or {@code null} for objects outside schemas
 * @param name    its name
 * @param table   the table it belongs to ({@code schema.table}), or {@code null}
 * @param section {@code pre-data}, {@code data} or {@code post-data}
 * @param rows    for {@code TABLE DATA} the rows the script holds for it, otherwise -1
 * @param line    the line of the script its statement starts on
 */
public record ScriptEntry(String kind, String schema, String name, String table, String section, long rows,
                          int line) {
}
