package io.persistor.core.internal.catalog;

import static io.persistor.core.internal.catalog.Rows.name;

import io.persistor.model.Catalog;
import io.persistor.model.ColumnReference;
import io.persistor.model.DefinedObject;
import io.persistor.model.Dependency;
import io.persistor.model.Extension;
import io.persistor.model.ObjectKey;
import io.persistor.model.QualifiedName;
import io.persistor.model.Schema;
import io.persistor.model.Sequence;
import io.persistor.model.SequenceState;
import io.persistor.spi.CatalogReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the catalog of PostgreSQL 13 and later. It expects the caller's session to have an empty
 * {@code search_path}, so every name the server renders comes back schema-qualified.
 */
public final class PostgresCatalogReader implements CatalogReader {

    /** The oldest server this reader understands: PostgreSQL 13. */
    public static final int MINIMUM_VERSION_NUM = 130000;

    /** The catalog queries in the order {@link #read} asks for them, so that each next one can run ahead. */
    private static final List<String> QUERY_ORDER = List.of("schemas.sql", "sequences.sql", "columns.sql",
            "constraints.sql", "indexes.sql", "triggers.sql", "rules.sql", "policies.sql", "statistics.sql",
            "extensions.sql", "collations.sql", "text-search-dictionaries.sql", "text-search-mappings.sql",
            "text-search-configurations.sql", "enum-types.sql", "domain-constraints.sql", "domain-types.sql",
            "composite-types.sql", "range-types.sql", "base-types.sql", "tables.sql", "views.sql", "routines.sql",
            "operators.sql", "casts.sql", "definitions.sql", "privileges.sql", "dependencies.sql", "skipped.sql");

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
        String version;
        int versionNum;
        String database;
        try (Statement statement = connection.createStatement();
             ResultSet server = statement.executeQuery("SELECT pg_catalog.current_setting('server_version'), "
                     + "pg_catalog.current_setting('server_version_num')::integer, pg_catalog.current_database()")) {
            server.next();
            version = server.getString(1);
            versionNum = server.getInt(2);
            database = server.getString(3);
        }
        try (CatalogQueries queries = new CatalogQueries(connection, schemaNames, versionNum, QUERY_ORDER)) {
            Map<String, Schema> found = new LinkedHashMap<>();
            for (Schema schema : queries.list("schemas.sql",
                    row -> new Schema(row.getString("schema_name"), row.getString("comment")))) {
                found.put(schema.name(), schema);
            }
            List<Schema> schemas = new ArrayList<>();
            for (String name : schemaNames) {
                if (found.containsKey(name)) {
                    schemas.add(found.get(name));
                }
            }
            List<Sequence> sequences = new ArrayList<>();
            Map<ColumnReference, Sequence> identities = new LinkedHashMap<>();
            List<SequenceRow> sequenceRows = queries.list("sequences.sql", PostgresCatalogReader::sequence);
            for (SequenceRow row : withStates(connection, sequenceRows)) {
                if (row.identity()) {
                    identities.put(row.sequence().ownedBy(), row.sequence());
                } else {
                    sequences.add(row.sequence());
                }
            }
            RelationRows relations = new RelationRows(queries, identities);
            return new Catalog(version, versionNum, database, schemas,
                    queries.list("extensions.sql", row -> new Extension(row.getString("extension_name"),
                            row.getString("schema_name"), row.getString("comment"), row.getBoolean("needs_superuser"))),
                    TypeRows.collations(queries), TextSearchRows.dictionaries(queries),
                    TextSearchRows.configurations(queries), TypeRows.enums(queries), TypeRows.domains(queries),
                    TypeRows.composites(queries), TypeRows.ranges(queries), TypeRows.bases(queries), sequences,
                    relations.tables(queries), relations.views(queries),
                    RoutineRows.routines(queries), OperatorRows.operators(queries), CastRows.casts(queries),
                    queries.list("definitions.sql", PostgresCatalogReader::definition),
                    PrivilegeRows.privileges(queries),
                    queries.list("dependencies.sql", PostgresCatalogReader::dependency),
                    queries.list("skipped.sql", row -> row.getString("reason")));
        }
    }

    /** A sequence as the catalog describes it, without its state, which {@link #withStates} adds. */
    private static SequenceRow sequence(ResultSet row) throws SQLException {
        QualifiedName name = name(row, "schema_name", "sequence_name");
        String ownerKind = row.getString("owner_kind");
        ColumnReference owner = ownerKind == null ? null
                : new ColumnReference(name(row, "owner_schema", "owner_table"), row.getString("owner_column"));
        Sequence sequence = new Sequence(name, row.getString("data_type"), row.getLong("seqstart"),
                row.getLong("seqincrement"), row.getLong("seqmin"), row.getLong("seqmax"), row.getLong("seqcache"),
                row.getBoolean("seqcycle"), row.getBoolean("unlogged"), null, owner, row.getString("comment"));
        return new SequenceRow(sequence, "i".equals(ownerKind), row.getBoolean("readable"));
    }

    /** The sequences with the states of those the role may read, read together rather than one by one. */
    private static List<SequenceRow> withStates(Connection connection, List<SequenceRow> rows) throws SQLException {
        Iterator<SequenceState> states = SequenceStates.read(connection, rows.stream().filter(SequenceRow::readable)
                .map(row -> row.sequence().name()).toList()).iterator();
        List<SequenceRow> result = new ArrayList<>(rows.size());
        for (SequenceRow row : rows) {
            result.add(row.readable()
                    ? new SequenceRow(withState(row.sequence(), states.next()), row.identity(), true) : row);
        }
        return result;
    }

    private static Sequence withState(Sequence s, SequenceState state) {
        return new Sequence(s.name(), s.dataType(), s.start(), s.increment(), s.minValue(), s.maxValue(), s.cache(),
                s.cycle(), s.unlogged(), state, s.ownedBy(), s.comment());
    }

    private static DefinedObject definition(ResultSet row) throws SQLException {
        return new DefinedObject(row.getString("kind"), row.getString("name"),
                List.of((String[]) row.getArray("statements").getArray()), row.getBoolean("superuser_only"),
                DefinedObject.Stage.valueOf(row.getString("stage")), row.getBoolean("database_wide"));
    }

    private static Dependency dependency(ResultSet row) throws SQLException {
        return new Dependency(key(row, "dependent"), key(row, "referenced"),
                Dependency.Part.valueOf(row.getString("part")), row.getString("part_name"),
                row.getString("referenced_column"));
    }

    private static ObjectKey key(ResultSet row, String side) throws SQLException {
        return new ObjectKey(ObjectKey.Kind.valueOf(row.getString(side + "_kind")),
                name(row, side + "_schema", side + "_name"), row.getString(side + "_arguments"));
    }

    /** A sequence, whether an identity column owns it, and whether the role may read its state. */
    private record SequenceRow(Sequence sequence, boolean identity, boolean readable) {
    }
}
