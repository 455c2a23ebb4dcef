package io.persistor.core.internal.backup;

import io.persistor.model.Table;
import java.sql.SQLException;

/** A failure to read one table's rows, kept with the table so the error message can name it. */
final class TableReadException extends SQLException {

    private static final long serialVersionUID = 1L;

    TableReadException(Table table, SQLException cause) {
        super("Could not read the rows of table " + table.name() + ": " + cause.getMessage(), cause.getSQLState(), cause);
    }
}
