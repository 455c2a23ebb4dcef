package io.persistor.core.internal.catalog;

import io.persistor.core.internal.script.SqlQuote;
import io.persistor.model.Catalog;
import io.persistor.model.Column;
import io.persistor.model.ColumnReference;
import io.persistor.model.Constraint;
import io.persistor.model.EnumType;
import io.persistor.model.Identity;
import io.persistor.model.Index;
import io.persistor.model.QualifiedName;
import io.persistor.model.Schema;
import io.persistor.model.Sequence;
import io.persistor.model.Table;
import io.persistor.spi.CatalogReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the catalog of PostgreSQL 13 and later. It expects the caller's session to have an empty
 * {@code search_path}, so every name the server renders comes back schema-qualified.
 */
public final class PostgresCatalogReader implements CatalogReader {

    /** The oldest server this reader understands: PostgreSQL 13. */
    public static final int MINIMUM_VERSION_NUM = 130000;

    /** Creates the reader; {@link java.util.ServiceLoader} calls this. */
    public PostgresCatalogReader() {
    }

    @Override
    public boolean supports(int serverVersionNum) {
        return serverVersionNum >= MINIMUM_VERSION_NUM;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Catalog read(Connection connection, List<String> schemaNames) throws SQLException {
        CatalogQueries queries = new CatalogQueries(connection, schemaNames);
        List<EnumType> enums = queries.list("enum-types.sql", PostgresCatalogReader::enumType);
        List<SequenceRow> sequenceRows = queries.list("sequences.sql", row -> sequenceRow(connection, row));
        Map<ColumnReference, Sequence> identities = new LinkedHashMap<>();
        List<Sequence> sequences = new ArrayList<>();
        for (SequenceRow row : sequenceRows) {
            if (row.identity()) {
                identities.put(row.sequence().ownedBy(), row.sequence());
            } else {
                sequences.add(row.sequence());
            }
        }
        Map<QualifiedName, List<Column>> columns = group(queries.list("columns.sql",
                row -> new Owned<>(tableName(row), column(row, identities))));
        Map<QualifiedName, List<Constraint>> constraints = group(queries.list("constraints.sql",
                row -> new Owned<>(tableName(row), constraint(row))));
        Map<QualifiedName, List<Index>> indexes = group(queries.list("indexes.sql",
                row -> new Owned<>(tableName(row), new Index(row.getString("index_name"), row.getString("definition")))));
        Map<QualifiedName, List<QualifiedName>> sequenceUsage = group(queries.list("sequence-usage.sql",
                row -> new Owned<>(tableName(row),
                        new QualifiedName(row.getString("sequence_schema"), row.getString("sequence_name")))));
        List<Table> tables = queries.list("tables.sql", row -> {
            QualifiedName name = tableName(row);
            return new Table(name, columns.getOrDefault(name, List.of()), constraints.getOrDefault(name, List.of()),
                    indexes.getOrDefault(name, List.of()), sequenceUsage.getOrDefault(name, List.of()));
        });
        List<Schema> schemas = new ArrayList<>();
        for (String schema : schemaNames) {
            schemas.add(new Schema(schema,
                    inSchema(enums, schema, EnumType::name),
                    inSchema(sequences, schema, Sequence::name),
                    inSchema(tables, schema, Table::name)));
        }
        try (Statement statement = connection.createStatement();
             ResultSet server = statement.executeQuery("SELECT pg_catalog.current_setting('server_version'), "
                     + "pg_catalog.current_setting('server_version_num')::integer, pg_catalog.current_database()")) {
            server.next();
            return new Catalog(server.getString(1), server.getInt(2), server.getString(3), schemas);
        }
    }

    private static EnumType enumType(ResultSet row) throws SQLException {
        String[] labels = (String[]) row.getArray("labels").getArray();
        return new EnumType(new QualifiedName(row.getString("schema_name"), row.getString("type_name")),
                Arrays.asList(labels));
    }

    private static SequenceRow sequenceRow(Connection connection, ResultSet row) throws SQLException {
        QualifiedName name = new QualifiedName(row.getString("schema_name"), row.getString("sequence_name"));
        long lastValue;
        boolean called;
        try (Statement statement = connection.createStatement();
             ResultSet state = statement.executeQuery(
                     "SELECT last_value, is_called FROM " + SqlQuote.qualified(name))) {
            state.next();
            lastValue = state.getLong(1);
            called = state.getBoolean(2);
        }
        String ownerKind = row.getString("owner_kind");
        ColumnReference owner = ownerKind == null ? null : new ColumnReference(
                new QualifiedName(row.getString("owner_schema"), row.getString("owner_table")),
                row.getString("owner_column"));
        Sequence sequence = new Sequence(name, row.getString("data_type"), row.getLong("seqstart"),
                row.getLong("seqincrement"), row.getLong("seqmin"), row.getLong("seqmax"), row.getLong("seqcache"),
                row.getBoolean("seqcycle"), lastValue, called, owner);
        return new SequenceRow(sequence, "i".equals(ownerKind));
    }

    private static Column column(ResultSet row, Map<ColumnReference, Sequence> identities) throws SQLException {
        QualifiedName table = tableName(row);
        String name = row.getString("column_name");
        String identityKind = row.getString("identity");
        Identity identity = null;
        if (!identityKind.isEmpty()) {
            Sequence sequence = identities.get(new ColumnReference(table, name));
            if (sequence == null) {
                throw new SQLException("Identity column " + table + "." + name + " has no sequence in the catalog");
            }
            identity = new Identity("a".equals(identityKind) ? Identity.Generation.ALWAYS
                    : Identity.Generation.BY_DEFAULT, sequence);
        }
        boolean generated = "s".equals(row.getString("generated"));
        String expression = row.getString("default_expression");
        return new Column(name, row.getString("data_type"), row.getBoolean("not_null"),
                generated ? null : expression, generated ? expression : null, identity);
    }

    private static Constraint constraint(ResultSet row) throws SQLException {
        String referencedTable = row.getString("referenced_table");
        return new Constraint(row.getString("constraint_name"), kind(row.getString("kind")),
                row.getString("definition"), row.getBoolean("validated"),
                referencedTable == null ? null : new QualifiedName(row.getString("referenced_schema"), referencedTable));
    }

    private static Constraint.Kind kind(String contype) {
        switch (contype) {
            case "p": return Constraint.Kind.PRIMARY_KEY;
            case "u": return Constraint.Kind.UNIQUE;
            case "c": return Constraint.Kind.CHECK;
            case "f": return Constraint.Kind.FOREIGN_KEY;
            case "x": return Constraint.Kind.EXCLUSION;
            default: throw new IllegalArgumentException("Unexpected constraint type " + contype);
        }
    }

    private static QualifiedName tableName(ResultSet row) throws SQLException {
        return new QualifiedName(row.getString("schema_name"), row.getString("table_name"));
    }

    private static <T> List<T> inSchema(List<T> objects, String schema, Function<T, QualifiedName> name) {
        return objects.stream().filter(o -> name.apply(o).schema().equals(schema)).collect(Collectors.toList());
    }

    private static <T> Map<QualifiedName, List<T>> group(List<Owned<T>> rows) {
        return rows.stream().collect(Collectors.groupingBy(Owned::table, LinkedHashMap::new,
                Collectors.mapping(Owned::value, Collectors.toList())));
    }

    /** A value read for one table. */
    private record Owned<T>(QualifiedName table, T value) {
    }

    /** A sequence and whether an identity column owns it. */
    private record SequenceRow(Sequence sequence, boolean identity) {
    }
}
