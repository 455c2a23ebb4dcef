package io.persistor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which schemas and tables to take, by name patterns, as PostgreSQL 17's {@code pg_dump --filter} and
 * {@code pg_restore --filter} files write them: one {@code include|exclude KIND PATTERN} per line, {@code #}
 * comments and blank lines ignored. Patterns follow psql's rules: {@code *} and {@code ?} wildcards, a dot between
 * schema and name, names folded to lower case unless double-quoted; a table pattern without a schema matches in
 * every schema. Immutable.
 *
 * <p>An object is taken when it matches an include of its kind (or there is none), its schema matches a schema
 * include (or there is none), and no exclude matches it or its schema.
 */
public final class ObjectFilter {

    /** A filter that takes everything. */
    public static final ObjectFilter ALL = new ObjectFilter(List.of(), List.of(), List.of(), List.of(), List.of());

    private final List<String> includedTables;
    private final List<String> excludedTables;
    private final List<String> includedSchemas;
    private final List<String> excludedSchemas;
    private final List<String> excludedTableData;

    private ObjectFilter(List<String> includedTables, List<String> excludedTables, List<String> includedSchemas,
                         List<String> excludedSchemas, List<String> excludedTableData) {
        this.includedTables = List.copyOf(includedTables);
        this.excludedTables = List.copyOf(excludedTables);
        this.includedSchemas = List.copyOf(includedSchemas);
        this.excludedSchemas = List.copyOf(excludedSchemas);
        this.excludedTableData = List.copyOf(excludedTableData);
    }

    /**
     * Reads a filter file.
     *
     * @param file a file in PostgreSQL 17's {@code --filter} format
     * @return the filter
     * @throws PersistorException naming the file and line of anything it cannot take
     */
    public static ObjectFilter read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new PersistorException("Cannot read the filter file " + file + ": " + e.getMessage(), null, e);
        }
    }

    /**
     * Reads the lines of a filter.
     *
     * @param lines  the lines, in PostgreSQL 17's {@code --filter} format
     * @param source what to call them in messages
     * @return the filter
     * @throws PersistorException naming the line of anything it cannot take
     */
    public static ObjectFilter parse(List<String> lines, String source) {
        ObjectFilter filter = ALL;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+", 3);
            String where = source + ", line " + (i + 1) + ": ";
            if (words.length < 3 || !(words[0].equals("include") || words[0].equals("exclude"))) {
                throw new PersistorException(where + "expected 'include|exclude KIND PATTERN', not '" + line + "'");
            }
            boolean include = words[0].equals("include");
            String pattern = withoutComment(words[2]);
            filter = switch (words[1]) {
                case "table", "table_and_children" -> include ? filter.includeTable(pattern)
                        : filter.excludeTable(pattern);
                case "schema" -> include ? filter.includeSchema(pattern) : filter.excludeSchema(pattern);
                case "table_data", "table_data_and_children" -> {
                    if (include) {
                        throw new PersistorException(where + words[1] + " can only be excluded");
                    }
                    yield filter.excludeTableData(pattern);
                }
                case "extension", "foreign_data", "function", "index", "trigger" -> throw new PersistorException(
                        where + "Persistor filters schemas, tables and table data; " + words[1] + " is not supported");
                default -> throw new PersistorException(where + "unknown kind '" + words[1] + "' (expected table, "
                        + "table_and_children, table_data, table_data_and_children or schema)");
            };
        }
        return filter;
    }

    /**
     * @param pattern a table pattern
     * @return a filter that also includes those tables (and so leaves out the tables no include matches)
     */
    public ObjectFilter includeTable(String pattern) {
        return new ObjectFilter(add(includedTables, pattern), excludedTables, includedSchemas, excludedSchemas,
                excludedTableData);
    }

    /**
     * @param pattern a table pattern
     * @return a filter that also leaves out those tables, with what belongs to them
     */
    public ObjectFilter excludeTable(String pattern) {
        return new ObjectFilter(includedTables, add(excludedTables, pattern), includedSchemas, excludedSchemas,
                excludedTableData);
    }

    /**
     * @param pattern a schema pattern
     * @return a filter that also includes that schema's objects (and so leaves out schemas no include matches)
     */
    public ObjectFilter includeSchema(String pattern) {
        return new ObjectFilter(includedTables, excludedTables, add(includedSchemas, pattern), excludedSchemas,
                excludedTableData);
    }

    /**
     * @param pattern a schema pattern
     * @return a filter that also leaves out that schema's objects
     */
    public ObjectFilter excludeSchema(String pattern) {
        return new ObjectFilter(includedTables, excludedTables, includedSchemas, add(excludedSchemas, pattern),
                excludedTableData);
    }

    /**
     * @param pattern a table pattern
     * @return a filter that also keeps those tables' definitions but leaves out their rows
     */
    public ObjectFilter excludeTableData(String pattern) {
        return new ObjectFilter(includedTables, excludedTables, includedSchemas, excludedSchemas,
                add(excludedTableData, pattern));
    }

    /**
     * @param other another filter
     * @return a filter with the includes and excludes of both
     */
    public ObjectFilter and(ObjectFilter other) {
        return new ObjectFilter(concat(includedTables, other.includedTables), concat(excludedTables,
                other.excludedTables), concat(includedSchemas, other.includedSchemas), concat(excludedSchemas,
                other.excludedSchemas), concat(excludedTableData, other.excludedTableData));
    }

    /**
     * Whether this takes everything.
     *
     * @return {@code true} when it has no include or exclude
     */
    public boolean isEmpty() {
        return includedTables.isEmpty() && excludedTables.isEmpty() && includedSchemas.isEmpty()
                && excludedSchemas.isEmpty() && excludedTableData.isEmpty();
    }

    /**
     * Whether this names tables to include, so that objects belonging to no table are left out.
     *
     * @return {@code true} when a table include is given
     */
    public boolean includesTables() {
        return !includedTables.isEmpty();
    }

    /**
     * Whether this names schemas to include, so that objects of other schemas are left out.
     *
     * @return {@code true} when a schema include is given
     */
    public boolean includesSchemas() {
        return !includedSchemas.isEmpty();
    }

    /**
     * Whether the objects of a schema are taken, by the schema filters alone.
     *
     * @param schema the schema, as the catalog spells it
     * @return {@code true} to take them
     */
    public boolean takesSchema(String schema) {
        return (includedSchemas.isEmpty() || matchesAny(includedSchemas, null, schema))
                && !matchesAny(excludedSchemas, null, schema);
    }

    /**
     * Whether some table of a schema may be taken: the schema is taken, and a table include (if any) names it or
     * names tables in every schema.
     *
     * @param schema the schema
     * @return {@code false} when no table of it can be taken
     */
    public boolean mayTakeTablesIn(String schema) {
        if (!takesSchema(schema)) {
            return false;
        }
        if (includedTables.isEmpty()) {
            return true;
        }
        for (String pattern : includedTables) {
            List<Pattern> parts = compile(pattern);
            if (parts.size() == 1 || parts.size() == 2 && parts.get(0).matcher(schema).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a table is taken.
     *
     * @param schema its schema, as the catalog spells it
     * @param table  its name
     * @return {@code true} to take it
     */
    public boolean takesTable(String schema, String table) {
        return takesSchema(schema) && (includedTables.isEmpty() || matchesAny(includedTables, schema, table))
                && !matchesAny(excludedTables, schema, table);
    }

    /**
     * Whether a taken table's rows are taken too.
     *
     * @param schema its schema
     * @param table  its name
     * @return {@code false} when a {@code table_data} exclude matches it
     */
    public boolean takesTableData(String schema, String table) {
        return !matchesAny(excludedTableData, schema, table);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        includedSchemas.forEach(p -> parts.add("include schema " + p));
        excludedSchemas.forEach(p -> parts.add("exclude schema " + p));
        includedTables.forEach(p -> parts.add("include table " + p));
        excludedTables.forEach(p -> parts.add("exclude table " + p));
        excludedTableData.forEach(p -> parts.add("exclude table_data " + p));
        return parts.isEmpty() ? "everything" : String.join(", ", parts);
    }

    private static List<String> add(List<String> patterns, String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("A filter pattern cannot be empty");
        }
        List<String> added = new ArrayList<>(patterns);
        added.add(pattern.strip());
        return added;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    /** A pattern ends at a {@code #} outside double quotes. */
    private static String withoutComment(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return text.substring(0, i).strip();
            }
        }
        return text.strip();
    }

    /**
     * Whether a pattern matches: {@code name} in any schema or {@code schema.name} when {@code schema} is given,
     * otherwise a schema name.
     */
    private static boolean matchesAny(List<String> patterns, String schema, String name) {
        for (String pattern : patterns) {
            List<Pattern> parts = compile(pattern);
            boolean matches = schema == null ? parts.size() == 1 && parts.get(0).matcher(name).matches()
                    : parts.size() == 1 ? parts.get(0).matcher(name).matches()
                    : parts.size() == 2 && parts.get(0).matcher(schema).matches()
                    && parts.get(1).matcher(name).matches();
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /** The dot-separated parts of a psql pattern, each as a regular expression. */
    private static List<Pattern> compile(String pattern) {
        List<Pattern> parts = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < pattern.length() && pattern.charAt(i + 1) == '"') {
                    regex.append(Pattern.quote("\""));
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (quoted) {
                regex.append(Pattern.quote(String.valueOf(c)));
            } else if (c == '.') {
                parts.add(Pattern.compile(regex.toString()));
                regex.setLength(0);
            } else if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c).toLowerCase(Locale.ROOT)));
            }
        }
        parts.add(Pattern.compile(regex.toString()));
        return parts;
    }
}
