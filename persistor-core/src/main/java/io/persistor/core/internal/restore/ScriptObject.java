package io.persistor.core.internal.restore;

import io.persistor.model.QualifiedName;
import java.util.Set;

/**
 * What one statement of a script creates, alters or fills, as {@link StatementClassifier} reads it.
 *
 * @param kind       what it is, in pg_dump's words ({@code TABLE}, {@code TABLE DATA}, {@code FK CONSTRAINT}...)
 * @param name       its name; a schema's is {@code (schema, schema)}; {@code null} when the statement names none
 * @param table      the table it belongs to, or {@code null}; an index's and a sequence's are filled in from
 *                   the script's other statements
 * @param references for a foreign key, the table it references; for a partition attached, its parent
 */
record ScriptObject(String kind, QualifiedName name, QualifiedName table, QualifiedName references) {

    private static final Set<String> DATA = Set.of("TABLE DATA", "SEQUENCE SET", "LARGE OBJECT");
    private static final Set<String> POST_DATA = Set.of("INDEX", "INDEX ATTACH", "CONSTRAINT", "FK CONSTRAINT",
            "TRIGGER", "RULE", "POLICY", "STATISTICS", "MATERIALIZED VIEW DATA", "EVENT TRIGGER", "PUBLICATION");

    /** @return {@code pre-data}, {@code data} or {@code post-data}, as pg_dump sorts this kind */
    String section() {
        return DATA.contains(kind) ? "data" : POST_DATA.contains(kind) ? "post-data" : "pre-data";
    }

    /** @return the schema it is in, or {@code null} */
    String schema() {
        return name == null ? null : name.schema();
    }

    ScriptObject withTable(QualifiedName owner) {
        return new ScriptObject(kind, name, owner, references);
    }
}
