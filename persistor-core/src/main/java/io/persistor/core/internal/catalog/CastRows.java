package io.persistor.core.internal.catalog;

import io.persistor.model.Cast;
import java.sql.SQLException;
import java.util.List;

/** Reads casts. */
final class CastRows {

    private CastRows() {
    }

    static List<Cast> casts(CatalogQueries queries) throws SQLException {
        return queries.list("casts.sql", row -> new Cast(row.getString("source_type"), row.getString("target_type"),
                row.getString("function"), switch (row.getString("context")) {
                    case "a" -> Cast.Context.ASSIGNMENT;
                    case "i" -> Cast.Context.IMPLICIT;
                    default -> Cast.Context.EXPLICIT;
                }, row.getString("comment"), "b".equals(row.getString("method"))));
    }
}
