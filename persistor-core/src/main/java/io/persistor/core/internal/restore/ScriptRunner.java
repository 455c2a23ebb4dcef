package io.persistor.core.internal.restore;

import io.persistor.OnError;
import io.persistor.PersistorException;
import io.persistor.ProgressListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Runs a parsed script on one connection: statements through JDBC, {@code COPY ... FROM stdin} blocks through
 * pgjdbc's {@link CopyManager}, the rows streamed in chunks, and Persistor's own multi-row {@code INSERT}s as the
 * {@code COPY} they are equivalent to ({@link InsertAsCopy}). Errors name the script, line and statement.
 */
final class ScriptRunner {

    /** psql meta-commands that only guard psql itself and can be passed over. */
    private static final Set<String> HARMLESS_META_COMMANDS = Set.of("\\restrict", "\\unrestrict");
    private static final int STATEMENT_EXCERPT = 300;

    private final Connection connection;
    private final String source;
    private final OnError onError;
    private final boolean savepoints;
    private final ProgressListener progress;
    private final List<String> errors = new ArrayList<>();
    private long statements;
    private long rows;

    ScriptRunner(Connection connection, String source, OnError onError, boolean inTransaction,
                 ProgressListener progress) {
        this.connection = connection;
        this.source = source;
        this.onError = onError;
        this.savepoints = inTransaction && onError == OnError.CONTINUE;
        this.progress = progress;
    }

    void run(ScriptParser parser) throws IOException {
        ScriptParser.Statement statement;
        while ((statement = parser.next()) != null) {
            if (statement.sql().startsWith("\\")) {
                String command = statement.sql().split("\\s+", 2)[0];
                if (!HARMLESS_META_COMMANDS.contains(command)) {
                    throw new PersistorException(source + ", line " + statement.line() + ": the psql meta-command "
                            + command + " cannot run outside psql. Run this script with psql instead.");
                }
                continue;
            }
            execute(parser, statement);
            statements++;
            progress.restored(statements, parser.charsRead());
        }
    }

    long statements() {
        return statements;
    }

    long rows() {
        return rows;
    }

    List<String> errors() {
        return errors;
    }

    private void execute(ScriptParser parser, ScriptParser.Statement statement) throws IOException {
        Savepoint savepoint = null;
        try {
            if (savepoints) {
                savepoint = connection.setSavepoint();
            }
            InsertAsCopy.Copy asCopy = InsertAsCopy.convert(statement.sql());
            if (statement.isCopyFromStdin()) {
                rows += copy(parser, statement.sql());
            } else if (asCopy != null) {
                rows += copy(asCopy);
            } else {
                try (Statement jdbc = connection.createStatement()) {
                    jdbc.execute(statement.sql());
                    int updated = jdbc.getUpdateCount();
                    if (updated > 0 && statement.sql().regionMatches(true, 0, "INSERT", 0, 6)) {
                        rows += updated;
                    }
                }
            }
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
        } catch (SQLException e) {
            String message = source + ", line " + statement.line() + ": " + e.getMessage() + "\n  in: "
                    + excerpt(statement.sql());
            if (onError == OnError.STOP) {
                throw new PersistorException(message, e.getSQLState(), e);
            }
            errors.add(message);
            rollbackTo(savepoint, e);
        }
    }

    /**
     * Streams a COPY block's rows to the server. If the server refuses them midway, the rest of the block is still
     * read (and dropped), so the parser stands after it.
     */
    private long copy(ScriptParser parser, String sql) throws SQLException, IOException {
        CopyManager copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        CopyIn copy = copyManager.copyIn(sql);
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
        SQLException[] failure = {null};
        try {
            parser.copyData((chars, length) -> {
                CharBuffer line = CharBuffer.wrap(chars, 0, length);
                while (failure[0] == null && encoder.encode(line, chunk, false).isOverflow()) {
                    failure[0] = flush(copy, chunk);
                }
            });
            if (failure[0] == null) {
                failure[0] = flush(copy, chunk);
            }
            if (failure[0] != null) {
                throw failure[0];
            }
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private long copy(InsertAsCopy.Copy rows) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(rows.command());
        try {
            copy.writeToCopy(rows.rows(), 0, rows.rows().length);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static SQLException flush(CopyIn copy, ByteBuffer chunk) {
        try {
            copy.writeToCopy(chunk.array(), 0, chunk.position());
            return null;
        } catch (SQLException e) {
            return e;
        } finally {
            chunk.clear();
        }
    }

    private void rollbackTo(Savepoint savepoint, SQLException cause) {
        if (savepoint == null) {
            return;
        }
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            cause.addSuppressed(e);
            throw new PersistorException(source + ": cannot roll back a failed statement: " + e.getMessage(),
                    e.getSQLState(), cause);
        }
    }

    private static String excerpt(String sql) {
        String flat = sql.replaceAll("\\s+", " ");
        return flat.length() <= STATEMENT_EXCERPT ? flat : flat.substring(0, STATEMENT_EXCERPT) + " ...";
    }
}
