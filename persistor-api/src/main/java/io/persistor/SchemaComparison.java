package io.persistor;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The result of {@link SchemaDiff}: every difference between a source and a target, and the migration that closes
 * them, statement by statement with what each costs ({@link MigrationStep}).
 *
 * <p>The migration never uses {@code CASCADE}: an object that must be dropped and created again takes the objects
 * that depend on it down explicitly first and brings them back after, from the source's definitions. A statement
 * whose hazards are not allowed is left out as a {@code -- HAZARD} comment together with the statements that only
 * make sense with it, so what is written still runs.
 */
public final class SchemaComparison {

    private final List<Difference> differences;
    private final List<MigrationStep> steps;
    private final Verifier verifier;

    /** Applies a comparison's migration to a scratch copy of its target and compares again. */
    @FunctionalInterface
    public interface Verifier {
        /**
         * Verifies.
         *
         * @param comparison the comparison
         * @param scratch    an empty database to copy the target's schema into
         * @return what the comparison found after the migration
         */
        MigrationVerification verify(SchemaComparison comparison, DataSource scratch);
    }

    /**
     * Creates a result; providers call this.
     *
     * @param differences the differences, in creation order of the objects
     * @param steps       the migration's statements, in an order that runs
     * @param verifier    how {@link #verify} proves the migration, or {@code null} when it cannot (catalogs
     *                    compared without their databases)
     */
    public SchemaComparison(List<Difference> differences, List<MigrationStep> steps, Verifier verifier) {
        this.differences = List.copyOf(differences);
        this.steps = List.copyOf(steps);
        this.verifier = verifier;
    }

    /**
     * The differences, ordered by kind and name.
     *
     * @return the differences
     */
    public List<Difference> differences() {
        return differences;
    }

    /**
     * The migration's statements with their hazards, locks and whether they were written or left out.
     *
     * @return the steps, in the order they run
     */
    public List<MigrationStep> steps() {
        return steps;
    }

    /**
     * The migration as text, one entry per step ({@link MigrationStep#text()}): statements that make the target match
     * the source, each ending with a semicolon, and those left out as {@code -- HAZARD} comments.
     *
     * @return the entries
     */
    public List<String> migration() {
        return steps.stream().map(MigrationStep::text).toList();
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
     * Applies the migration to a copy of the target's schema in a scratch database, compares the source with the
     * result and reports what is left. A migration is good only when nothing is.
     *
     * @param scratch an empty database the migration may be tried on, on a server where the target's roles exist;
     *                its contents are replaced
     * @return the outcome
     * @throws PersistorException when the comparison was made of catalogs without their databases, or the scratch
     *                            database cannot be prepared
     */
    public MigrationVerification verify(DataSource scratch) {
        Objects.requireNonNull(scratch, "scratch");
        if (verifier == null) {
            throw new PersistorException("This comparison cannot be verified: it compared catalogs, not databases. "
                    + "Compare with SchemaDiff.between(DataSource, DataSource) to verify its migration.");
        }
        return verifier.verify(this, scratch);
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
        text.append(differences.size()).append(differences.size() == 1 ? " difference.\n" : " differences.\n");
        long leftOut = steps.stream().filter(s -> !s.written()).count();
        if (leftOut > 0) {
            text.append(leftOut).append(leftOut == 1 ? " statement" : " statements")
                    .append(" of the migration left out for their hazards.\n");
        }
        return text.toString();
    }

    /**
     * The differences and the migration plan as JSON, for machines: {@code {"differences": [{"kind", "name",
     * "change", "details"}], "plan": {"steps": [{"sql", "hazards", "lock", "transactional", "written", "note",
     * "group"}], "summary": {...}}}}. Consecutive steps that run in a transaction share a group number.
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
        json.append(differences.isEmpty() ? "],\n" : "\n],\n").append("\"plan\": {\"steps\": [");
        int group = 0;
        boolean inGroup = false;
        Map<Hazard, Integer> hazards = new EnumMap<>(Hazard.class);
        int written = 0;
        for (int i = 0; i < steps.size(); i++) {
            MigrationStep step = steps.get(i);
            if (!step.transactional() || !inGroup) {
                group++;
            }
            inGroup = step.transactional();
            if (step.written()) {
                written++;
            }
            step.hazards().forEach(h -> hazards.merge(h, 1, Integer::sum));
            json.append(i == 0 ? "\n  " : ",\n  ").append("{\"sql\": ").append(quote(step.sql()))
                    .append(", \"hazards\": [");
            List<Hazard> sorted = step.hazards().stream().sorted().toList();
            for (int j = 0; j < sorted.size(); j++) {
                json.append(j == 0 ? "" : ", ").append(quote(sorted.get(j).name()));
            }
            json.append("], \"lock\": ").append(quote(step.lock().name())).append(", \"transactional\": ")
                    .append(step.transactional()).append(", \"written\": ").append(step.written())
                    .append(", \"note\": ").append(step.note() == null ? "null" : quote(step.note()))
                    .append(", \"group\": ").append(group).append('}');
        }
        json.append(steps.isEmpty() ? "]" : "\n]").append(",\n\"summary\": {\"differences\": ")
                .append(differences.size())
                .append(", \"statements\": ").append(steps.size()).append(", \"written\": ").append(written)
                .append(", \"leftOut\": ").append(steps.size() - written).append(", \"hazards\": {");
        int n = 0;
        for (Map.Entry<Hazard, Integer> entry : hazards.entrySet()) {
            json.append(n++ == 0 ? "" : ", ").append(quote(entry.getKey().name())).append(": ")
                    .append(entry.getValue());
        }
        return json.append("}}}}\n").toString();
    }

    /**
     * The migration as one script: each step's text on lines of its own.
     *
     * @return the script, or the empty string when there is nothing to do
     */
    public String migrationSql() {
        return steps.isEmpty() ? "" : String.join("\n", migration()) + "\n";
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
