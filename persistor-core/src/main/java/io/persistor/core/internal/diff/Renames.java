package io.persistor.core.internal.diff;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.PersistorException;
import io.persistor.model.Catalog;
import io.persistor.model.Column;
import io.persistor.model.QualifiedName;
import io.persistor.model.Table;
import io.persistor.spi.DiffPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables and columns the caller declared renamed. The target is described as it will be once they are renamed,
 * with the definitions that name them rewritten as PostgreSQL itself would render them after the renames, and the
 * migration starts with the {@code RENAME} statements.
 */
final class Renames {

    private static final Pattern SIMPLE = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** No renames. */
    static final Renames NONE = new Renames(Map.of(), Map.of());

    /** Target table to its new name. */
    private final Map<QualifiedName, QualifiedName> tables;
    /** Target table (old name) to its columns' new names by old name. */
    private final Map<QualifiedName, Map<String, String>> columns;

    private Renames(Map<QualifiedName, QualifiedName> tables, Map<QualifiedName, Map<String, String>> columns) {
        this.tables = tables;
        this.columns = columns;
    }

    /**
     * Checks the declared renames against both catalogs.
     *
     * @throws PersistorException naming a table or column that one side does not have as declared
     */
    static Renames of(List<DiffPlan.Rename> declared, Catalog source, Catalog target) {
        if (declared.isEmpty()) {
            return NONE;
        }
        Map<QualifiedName, QualifiedName> tables = new HashMap<>();
        Map<QualifiedName, Map<String, String>> columns = new HashMap<>();
        for (DiffPlan.Rename rename : declared) {
            Table current = table(target, rename.table(), "the target");
            if (rename.column() == null) {
                QualifiedName to = new QualifiedName(rename.table().schema(), rename.to());
                table(source, to, "the source");
                tables.put(rename.table(), to);
            } else {
                column(current, rename.column(), "the target");
                columns.computeIfAbsent(rename.table(), t -> new HashMap<>()).put(rename.column(), rename.to());
            }
        }
        Renames renames = new Renames(tables, columns);
        columns.forEach((table, renamed) -> renamed.values()
                .forEach(to -> column(table(source, renames.table(table), "the source"), to, "the source")));
        return renames;
    }

    private static Table table(Catalog catalog, QualifiedName name, String side) {
        return catalog.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(
                () -> new PersistorException("Invalid rename: " + side + " has no table " + name));
    }

    private static void column(Table table, String name, String side) {
        if (table.columns().stream().noneMatch(c -> c.name().equals(name))) {
            throw new PersistorException("Invalid rename: " + side + "'s table " + table.name() + " has no column "
                    + name);
        }
    }

    boolean isEmpty() {
        return tables.isEmpty() && columns.isEmpty();
    }

    /** The statements that rename, tables first. */
    List<String> statements() {
        List<String> statements = new ArrayList<>();
        tables.forEach((from, to) -> statements.add("ALTER TABLE " + qualified(from) + " RENAME TO "
                + identifier(to.name())));
        columns.forEach((table, renamed) -> renamed.forEach((from, to) -> statements.add("ALTER TABLE "
                + qualified(table(table)) + " RENAME COLUMN " + identifier(from) + " TO " + identifier(to))));
        return statements;
    }

    /** A target table's name after the renames. */
    QualifiedName table(QualifiedName name) {
        return tables.getOrDefault(name, name);
    }

    /** A target table's name before the renames. */
    QualifiedName original(QualifiedName name) {
        for (Map.Entry<QualifiedName, QualifiedName> entry : tables.entrySet()) {
            if (entry.getValue().equals(name)) {
                return entry.getKey();
            }
        }
        return name;
    }

    /** A target column's name after the renames. */
    String column(QualifiedName table, String column) {
        return columns.getOrDefault(table, Map.of()).getOrDefault(column, column);
    }

    /** A target column's name before the renames. */
    String originalColumn(QualifiedName table, String column) {
        for (Map.Entry<String, String> entry : columns.getOrDefault(table, Map.of()).entrySet()) {
            if (entry.getValue().equals(column)) {
                return entry.getKey();
            }
        }
        return column;
    }

    /** A column of a target table, named as after the renames. */
    Column renamed(QualifiedName table, Column column) {
        String name = column(table, column.name());
        return name.equals(column.name()) ? column : new Column(name, column.type(), column.notNull(),
                column.notNullName(), column.notNullLocal(), column.defaultExpression(), column.generated(),
                column.identity(), column.collation(), column.storage(), column.compression(),
                column.statisticsTarget(), column.options(), column.local(), column.comment(),
                column.notNullComment());
    }

    /**
     * A target definition as PostgreSQL renders it after the renames: renamed tables' qualified names, renamed
     * columns of the table it belongs to (before any {@code REFERENCES}) and renamed columns a foreign key refers to.
     *
     * @param text  the definition, or {@code null}
     * @param owner the table it belongs to (old name), or {@code null} for a definition of its own (a view's query)
     */
    String definition(String text, QualifiedName owner) {
        if (text == null || isEmpty()) {
            return text;
        }
        String result = text;
        int references = result.indexOf("REFERENCES ");
        if (owner != null && columns.containsKey(owner)) {
            String head = references < 0 ? result : result.substring(0, references);
            result = words(head, columns.get(owner)) + (references < 0 ? "" : result.substring(references));
            references = result.indexOf("REFERENCES ");
        }
        if (references >= 0) {
            for (Map.Entry<QualifiedName, Map<String, String>> entry : columns.entrySet()) {
                Matcher matcher = Pattern.compile("(REFERENCES " + pattern(entry.getKey()) + ")\\(([^)]*)\\)")
                        .matcher(result);
                StringBuilder out = new StringBuilder();
                while (matcher.find()) {
                    matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + "("
                            + words(matcher.group(2), entry.getValue()) + ")"));
                }
                result = matcher.appendTail(out).toString();
            }
        }
        for (Map.Entry<QualifiedName, QualifiedName> entry : tables.entrySet()) {
            result = result.replaceAll("(?<![\\w\".$])" + pattern(entry.getKey()) + "(?![\\w\"$])",
                    Matcher.quoteReplacement(rendered(entry.getValue().schema()) + "."
                            + rendered(entry.getValue().name())));
        }
        return result;
    }

    /** Replaces whole identifiers, quoted or not, outside string literals. */
    private static String words(String text, Map<String, String> renamed) {
        String result = text;
        for (Map.Entry<String, String> entry : renamed.entrySet()) {
            // A column is named bare, or after NEW. or OLD. in a trigger's condition; never after another table.
            result = result.replaceAll("(?:(?<=\\b(?:old|new)\\.)|(?<![\\w\".$']))" + pattern(entry.getKey())
                    + "(?![\\w\"$'])",
                    Matcher.quoteReplacement(rendered(entry.getValue())));
        }
        return result;
    }

    /** A qualified name as definitions may write it, each part quoted or, when it need not be, bare. */
    private static String pattern(QualifiedName name) {
        return pattern(name.schema()) + "\\." + pattern(name.name());
    }

    private static String pattern(String name) {
        String quoted = Pattern.quote(identifier(name));
        return SIMPLE.matcher(name).matches() ? "(?:" + quoted + "|" + Pattern.quote(name) + ")" : quoted;
    }

    /** A name as the server renders it: bare when it is a simple lower-case word, quoted otherwise. */
    private static String rendered(String name) {
        return SIMPLE.matcher(name).matches() ? name : identifier(name);
    }
}
