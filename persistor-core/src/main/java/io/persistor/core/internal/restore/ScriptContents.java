package io.persistor.core.internal.restore;

import io.persistor.Decryption;
import io.persistor.PersistorException;
import io.persistor.ScriptEntry;
import io.persistor.model.QualifiedName;
import io.persistor.spi.InputSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A script's table of contents, read in one pass without running anything: the object of each statement
 * ({@link StatementClassifier}), the rows of each table's data, and what ties objects to tables that the statements
 * name only elsewhere: which table owns a sequence ({@code OWNED BY}), which table an index is on, and which table
 * a partition belongs to. Consecutive statements about the same object make one entry.
 */
public final class ScriptContents {

    private final List<ScriptObject> objects = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private final List<Long> rows = new ArrayList<>();
    private final Map<QualifiedName, QualifiedName> sequenceOwners = new HashMap<>();
    private final Map<QualifiedName, QualifiedName> indexTables = new HashMap<>();
    private final Map<QualifiedName, QualifiedName> partitionParents = new HashMap<>();
    private final Map<QualifiedName, List<QualifiedName>> viewReads = new HashMap<>();

    /**
     * Reads the table of contents of a script, for {@code Persistor.contents}.
     *
     * @param input      the script, plain, compressed or encrypted
     * @param decryption what decrypts it, or {@code null}
     * @return its entries, in the script's order
     */
    public static List<ScriptEntry> entries(InputSource input, Decryption decryption) {
        try (InputStream script = new ScriptFile(input, decryption).open()) {
            return read(script).entries();
        } catch (IOException e) {
            throw new PersistorException("Cannot read " + input.name() + ": " + e.getMessage(), null, e);
        }
    }

    /**
     * Reads a script.
     *
     * @param script the script's text
     * @return its contents
     * @throws IOException when it cannot be read
     */
    static ScriptContents read(InputStream script) throws IOException {
        ScriptContents contents = new ScriptContents();
        ScriptParser parser = new ScriptParser(script);
        ScriptParser.Statement statement;
        while ((statement = parser.next()) != null) {
            if (statement.sql().startsWith("\\")) {
                continue;
            }
            ScriptObject object = StatementClassifier.classify(statement.sql());
            long[] count = {-1};
            if (statement.isCopyFromStdin()) {
                count[0] = 0;
                parser.copyData((bytes, offset, length, lines) -> count[0] += lines);
            } else if (object != null && object.kind().equals("TABLE DATA")) {
                count[0] = InsertRows.count(statement.sql());
            }
            if (object != null) {
                contents.add(object, statement.sql(), statement.line(), count[0]);
            }
        }
        return contents;
    }

    private void add(ScriptObject object, String sql, int line, long count) {
        switch (object.kind()) {
            case "SEQUENCE OWNED BY" -> sequenceOwners.put(object.name(), object.table());
            case "VIEW", "MATERIALIZED VIEW" -> viewReads.computeIfAbsent(object.name(), v -> new ArrayList<>())
                    .addAll(StatementClassifier.qualifiedNames(sql));
            case "INDEX" -> {
                if (object.table() != null) {
                    indexTables.put(object.name(), object.table());
                }
            }
            case "TABLE", "TABLE ATTACH", "SEQUENCE" -> {
                if (object.references() != null) {
                    partitionParents.put(object.name(), object.references());
                }
                if (object.table() != null) {
                    StatementClassifier.identitySequences(sql).forEach(s -> sequenceOwners.put(s, object.table()));
                }
            }
            default -> { }
        }
        int last = objects.size() - 1;
        if (last >= 0 && objects.get(last).equals(object)) {
            if (count >= 0) {
                rows.set(last, Math.max(0, rows.get(last)) + count);
            }
            return;
        }
        objects.add(object);
        lines.add(line);
        rows.add(count);
    }

    /**
     * The object a statement is about, with the table it belongs to filled in from the script's other statements.
     *
     * @param object what {@link StatementClassifier} read from the statement
     * @return the object, with its table when one owns it
     */
    ScriptObject resolve(ScriptObject object) {
        if (object == null || object.table() != null || object.name() == null) {
            return object;
        }
        QualifiedName owner = switch (object.kind()) {
            case "SEQUENCE", "SEQUENCE SET" -> sequenceOwners.get(object.name());
            case "INDEX", "INDEX ATTACH" -> indexTables.get(object.name());
            default -> sequenceOwners.getOrDefault(object.name(), indexTables.get(object.name()));
        };
        return owner == null ? object : object.withTable(owner);
    }

    /**
     * The partitioned table a partition belongs to.
     *
     * @param table a table
     * @return its parent, or {@code null}
     */
    QualifiedName parent(QualifiedName table) {
        return partitionParents.get(table);
    }

    /**
     * The names a view's or materialized view's statements mention: the relations it reads, among others.
     *
     * @param view a view of the script
     * @return the names, empty when it is not a view of the script
     */
    List<QualifiedName> viewReads(QualifiedName view) {
        return viewReads.getOrDefault(view, List.of());
    }

    /** @return every object, resolved, in the script's order */
    List<ScriptObject> objects() {
        return objects.stream().map(this::resolve).toList();
    }

    /** @return the entries for {@code Persistor.contents} */
    List<ScriptEntry> entries() {
        List<ScriptEntry> entries = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            ScriptObject object = resolve(objects.get(i));
            QualifiedName name = object.name();
            String schema = name == null || object.kind().equals("SCHEMA") ? null : name.schema();
            entries.add(new ScriptEntry(object.kind(), schema, name == null ? null : name.name(),
                    object.table() == null ? null : object.table().toString(), object.section(), rows.get(i),
                    lines.get(i)));
        }
        return entries;
    }
}
