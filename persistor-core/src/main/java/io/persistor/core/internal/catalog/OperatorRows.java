package io.persistor.core.internal.catalog;

import static io.persistor.core.internal.catalog.Rows.name;

import io.persistor.model.Operator;
import java.sql.SQLException;
import java.util.List;

/** Reads operators. */
final class OperatorRows {

    private OperatorRows() {
    }

    static List<Operator> operators(CatalogQueries queries) throws SQLException {
        return queries.list("operators.sql", row -> new Operator(name(row, "schema_name", "operator_name"),
                row.getString("left_type"), row.getString("right_type"), row.getString("function"),
                row.getString("commutator"), row.getString("negator"), row.getString("restrict"),
                row.getString("join_estimator"), row.getBoolean("hashes"), row.getBoolean("merges"),
                row.getString("comment")));
    }
}
