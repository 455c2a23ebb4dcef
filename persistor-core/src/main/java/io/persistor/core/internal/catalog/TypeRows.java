package io.persistor.core.internal.catalog;

import static io.persistor.core.internal.catalog.Rows.name;

import io.persistor.model.BaseType;
import io.persistor.model.Collation;
import io.persistor.model.Column;
import io.persistor.model.CompositeType;
import io.persistor.model.Constraint;
import io.persistor.model.DomainType;
import io.persistor.model.EnumType;
import io.persistor.model.QualifiedName;
import io.persistor.model.RangeType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads collations and the user-defined types: enums, domains, composite and range types. */
final class TypeRows {

    private TypeRows() {
    }

    static List<Collation> collations(CatalogQueries queries) throws SQLException {
        return queries.list("collations.sql", row -> new Collation(name(row, "schema_name", "collation_name"),
                row.getString("provider"), row.getString("collate"), row.getString("ctype"), row.getString("locale"),
                row.getString("rules"), row.getBoolean("deterministic"), row.getString("comment")));
    }

    static List<EnumType> enums(CatalogQueries queries) throws SQLException {
        return queries.list("enum-types.sql", row -> new EnumType(name(row, "schema_name", "type_name"),
                Rows.strings(row, "labels"), row.getString("comment")));
    }

    static List<DomainType> domains(CatalogQueries queries) throws SQLException {
        Map<QualifiedName, List<Constraint>> constraints = Rows.group(queries.list("domain-constraints.sql",
                row -> new Rows.Owned<>(name(row, "schema_name", "type_name"),
                        new Constraint(row.getString("constraint_name"), Constraint.Kind.CHECK,
                                row.getString("definition"), row.getBoolean("validated"), null, true, null,
                                row.getString("comment"), null))));
        return queries.list("domain-types.sql", row -> {
            QualifiedName name = name(row, "schema_name", "type_name");
            return new DomainType(name, row.getString("base_type"), row.getString("collation"),
                    row.getString("default_expression"), row.getBoolean("not_null"), row.getString("not_null_name"),
                    constraints.getOrDefault(name, List.of()), row.getString("comment"));
        });
    }

    static List<CompositeType> composites(CatalogQueries queries) throws SQLException {
        Map<QualifiedName, String> comments = new LinkedHashMap<>();
        Map<QualifiedName, List<Column>> attributes = new LinkedHashMap<>();
        queries.list("composite-types.sql", row -> {
            QualifiedName name = name(row, "schema_name", "type_name");
            comments.put(name, row.getString("comment"));
            List<Column> list = attributes.computeIfAbsent(name, n -> new ArrayList<>());
            String attribute = row.getString("attribute_name");
            if (attribute != null) {
                list.add(new Column(attribute, row.getString("data_type"), false, null, true, null, null, null,
                        row.getString("collation"), null, null, null, null, true, row.getString("attribute_comment"),
                        null));
            }
            return name;
        });
        List<CompositeType> types = new ArrayList<>();
        attributes.forEach((name, list) -> types.add(new CompositeType(name, list, comments.get(name))));
        return types;
    }

    static List<RangeType> ranges(CatalogQueries queries) throws SQLException {
        return queries.list("range-types.sql", row -> new RangeType(name(row, "schema_name", "type_name"),
                row.getString("subtype"), row.getString("subtype_opclass"), row.getString("collation"),
                row.getString("canonical"), row.getString("subtype_diff"),
                name(row, "multirange_schema", "multirange_name"), row.getString("comment")));
    }

    static List<BaseType> bases(CatalogQueries queries) throws SQLException {
        return queries.list("base-types.sql", row -> new BaseType(name(row, "schema_name", "type_name"),
                row.getString("properties"), row.getString("comment")));
    }
}
