package io.persistor.core.internal.catalog;

import static io.persistor.core.internal.catalog.Rows.name;

import io.persistor.model.QualifiedName;
import io.persistor.model.TextSearchConfiguration;
import io.persistor.model.TextSearchDictionary;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Reads text search dictionaries and configurations. */
final class TextSearchRows {

    private TextSearchRows() {
    }

    static List<TextSearchDictionary> dictionaries(CatalogQueries queries) throws SQLException {
        return queries.list("text-search-dictionaries.sql", row -> new TextSearchDictionary(
                name(row, "schema_name", "dictionary_name"), row.getString("template"), row.getString("options"),
                row.getString("comment")));
    }

    static List<TextSearchConfiguration> configurations(CatalogQueries queries) throws SQLException {
        Map<QualifiedName, List<TextSearchConfiguration.Mapping>> mappings = Rows.group(queries.list(
                "text-search-mappings.sql", row -> new Rows.Owned<>(name(row, "schema_name", "configuration_name"),
                        new TextSearchConfiguration.Mapping(row.getString("token_type"),
                                Rows.strings(row, "dictionaries")))));
        return queries.list("text-search-configurations.sql", row -> {
            QualifiedName name = name(row, "schema_name", "configuration_name");
            return new TextSearchConfiguration(name, row.getString("parser"), mappings.getOrDefault(name, List.of()),
                    row.getString("comment"));
        });
    }
}
