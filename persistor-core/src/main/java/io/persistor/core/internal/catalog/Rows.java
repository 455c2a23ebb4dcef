package io.persistor.core.internal.catalog;

import io.persistor.model.QualifiedName;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Small helpers for turning catalog rows into model values. */
final class Rows {

    private Rows() {
    }

    /** A value read for one owning object, such as a column of a table. */
    record Owned<T>(QualifiedName owner, T value) {
    }

    /** The qualified name in two columns of the row, or {@code null} if the name column is NULL. */
    static QualifiedName name(ResultSet row, String schemaColumn, String nameColumn) throws SQLException {
        String name = row.getString(nameColumn);
        return name == null ? null : new QualifiedName(row.getString(schemaColumn), name);
    }

    /** The {@code schema_name} and {@code table_name} columns most queries have. */
    static QualifiedName table(ResultSet row) throws SQLException {
        return name(row, "schema_name", "table_name");
    }

    /** A text[] column as a list; NULL becomes an empty list. */
    static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Groups values by owner, keeping the query's order within each owner. */
    static <T> Map<QualifiedName, List<T>> group(List<Owned<T>> rows) {
        return rows.stream().collect(Collectors.groupingBy(Owned::owner, LinkedHashMap::new,
                Collectors.mapping(Owned::value, Collectors.toList())));
    }
}
