package io.persistor.core.internal.catalog;

import io.persistor.core.internal.script.SqlQuote;
import io.persistor.model.QualifiedName;
import io.persistor.model.SequenceState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the current state (last value, whether it was called) of many sequences with a few queries rather than one
 * each: a {@code UNION ALL} of up to {@value #PER_QUERY} sequences at a time.
 */
final class SequenceStates {

    static final int PER_QUERY = 500;

    private SequenceStates() {
    }

    /**
     * The states of the sequences, in their order.
     *
     * @param connection the catalog's session
     * @param sequences  sequences the role may read
     * @return one state per sequence
     */
    static List<SequenceState> read(Connection connection, List<QualifiedName> sequences) throws SQLException {
        List<SequenceState> states = new ArrayList<>(sequences.size());
        for (int start = 0; start < sequences.size(); start += PER_QUERY) {
            List<QualifiedName> batch = sequences.subList(start, Math.min(start + PER_QUERY, sequences.size()));
            StringBuilder query = new StringBuilder();
            for (int i = 0; i < batch.size(); i++) {
                query.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i)
                        .append(", last_value, is_called FROM ").append(SqlQuote.qualified(batch.get(i)));
            }
            query.append(" ORDER BY 1");
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(query.toString())) {
                while (rows.next()) {
                    states.add(new SequenceState(rows.getLong(2), rows.getBoolean(3)));
                }
            }
        }
        return states;
    }
}
