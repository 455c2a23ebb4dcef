package io.persistor;

import java.util.List;

/**
 * The result of {@link SchemaDiff}: every difference between a source and a target, and the migration that closes
 * them.
 *
 * @param differences  the differences, ordered by kind and name
 * @param migration    statements that make the target match the source, in an order that runs, each ending with
 *                     a semicolon; destructive ones (drops, type changes that rewrite or lose data) appear as
 *                     comments marked {@code HAZARD} unless {@link SchemaDiff#allowDestructive()} was set
 */
public record SchemaComparison(List<Difference> differences, List<String> migration) {

    /** Copies the lists. */
    public SchemaComparison {
        differences = List.copyOf(differences);
        migration = List.copyOf(migration);
    }

    /**
     * Whether the two schemas are the same.
     *
     * @return {@code true} when there is no difference
     */
    public boolean isEmpty() {
        return differences.isEmpty();
    }

    /**
     * A readable report, one difference per line.
     *
     * @return the report, or a line saying the schemas are identical
     */
    public String report() {
        if (differences.isEmpty()) {
            return "No differences.\n";
        }
        StringBuilder text = new StringBuilder();
        for (Difference difference : differences) {
            text.append(difference).append('\n');
        }
        return text.append(differences.size()).append(differences.size() == 1 ? " difference.\n" : " differences.\n")
                .toString();
    }

    /**
     * The differences as JSON, for machines: {@code {"differences": [{"kind": ..., "name": ..., "change": ...,
     * "details": [...]}]}}.
     *
     * @return the JSON text
     */
    public String json() {
        StringBuilder json = new StringBuilder("{\"differences\": [");
        for (int i = 0; i < differences.size(); i++) {
            Difference d = differences.get(i);
            json.append(i == 0 ? "\n  " : ",\n  ").append("{\"kind\": ").append(quote(d.kind()))
                    .append(", \"name\": ").append(quote(d.name())).append(", \"change\": ").append(quote(d.change().name()))
                    .append(", \"details\": [");
            for (int j = 0; j < d.details().size(); j++) {
                json.append(j == 0 ? "" : ", ").append(quote(d.details().get(j)));
            }
            json.append("]}");
        }
        return json.append(differences.isEmpty() ? "]}\n" : "\n]}\n").toString();
    }

    /**
     * The migration as one script.
     *
     * @return the statements, one per line group
     */
    public String migrationSql() {
        return migration.isEmpty() ? "" : String.join("\n", migration) + "\n";
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"': quoted.append("\\\""); break;
                case '\\': quoted.append("\\\\"); break;
                case '\n': quoted.append("\\n"); break;
                case '\r': quoted.append("\\r"); break;
                case '\t': quoted.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
            }
        }
        return quoted.append('"').toString();
    }
}
