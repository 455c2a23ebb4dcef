package io.persistor.core.internal.restore;

import io.persistor.OnError;
import io.persistor.PersistorException;
import io.persistor.ProgressListener;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Runs a parsed script on one connection: statements through JDBC, {@code COPY ... FROM stdin} blocks through
 * pgjdbc's {@code CopyManager}, the rows streamed in chunks, and Persistor's own multi-row {@code INSERT}s as the
 * {@code COPY} they are equivalent to ({@link InsertAsCopy}). Errors name the script, line and statement.
 */
final class ScriptRunner {

    /** psql meta-commands that only guard psql itself and can be passed over. */
    private static final Set<String> HARMLESS_META_COMMANDS = Set.of("\\restrict", "\\unrestrict");
    private static final int STATEMENT_EXCERPT = 300;
    private static final Pattern CLIENT_ENCODING =
            Pattern.compile("(?is)^SET\\s+(?:SESSION\\s+)?client_encoding\\s*(?:=|TO)\\s*'?([A-Za-z0-9_-]+)'?\\s*$");

    private final Connection connection;
    private final String source;
    private final OnError onError;
    private final boolean savepoints;
    private final ProgressListener progress;
    private final StatementGate gate;
    private final List<String> errors = new ArrayList<>();
    private long statements;
    private long rows;
    private OpenCopy openCopy;
    private ParsedScript.Item pending;

    ScriptRunner(Connection connection, String source, OnError onError, boolean inTransaction,
                 ProgressListener progress, StatementGate gate) {
        this.connection = connection;
        this.gate = gate;
        this.source = source;
        this.onError = onError;
        this.savepoints = inTransaction && onError == OnError.CONTINUE;
        this.progress = progress;
    }

    /**
     * Runs the script's statements up to its end, or up to the one the gate stops at.
     *
     * @return {@code false} when the gate stopped it; the next call starts with that statement
     */
    boolean run(ParsedScript script) throws IOException {
        ParsedScript.Item item;
        while (!((item = next(script)) instanceof ParsedScript.End)) {
            // Passed over before any gate sees it: no connection may run it.
            if (item instanceof ParsedScript.Statement statement && setsClientEncoding(statement, source)) {
                continue;
            }
            StatementGate.Decision decision = decide(item);
            if (decision == StatementGate.Decision.STOP) {
                endCopy();
                pending = item;
                return false;
            }
            if (decision == StatementGate.Decision.SKIP) {
                skip(script, item);
                continue;
            }
            if (!script.convertsAhead()) {
                item = converted(item);
            }
            if (item instanceof ParsedScript.AsCopy asCopy && !savepoints) {
                continueCopy(asCopy);
                statements++;
                progress.restored(statements, script.bytesRead());
                continue;
            }
            endCopy();
            if (item instanceof ParsedScript.Meta meta) {
                passOver(meta, source);
                continue;
            }
            execute(script, item);
            statements++;
            progress.restored(statements, script.bytesRead());
        }
        endCopy();
        return true;
    }

    /**
     * The statement the gate last stopped at, which the runner will not run now.
     *
     * @return it, or {@code null}
     */
    ParsedScript.Item takePending() {
        ParsedScript.Item item = pending;
        pending = null;
        return item;
    }

    private ParsedScript.Item next(ParsedScript script) throws IOException {
        ParsedScript.Item item = pending;
        pending = null;
        return item != null ? item : script.next();
    }

    private StatementGate.Decision decide(ParsedScript.Item item) {
        String sql = item instanceof ParsedScript.Statement statement ? statement.sql()
                : item instanceof ParsedScript.CopyStart copy ? copy.sql()
                : item instanceof ParsedScript.AsCopy asCopy ? asCopy.sql() : null;
        return gate == null || sql == null ? StatementGate.Decision.RUN : gate.decide(sql);
    }

    /** One of Persistor's {@code INSERT}s as {@code COPY} rows, when the script did not convert it ahead. */
    private static ParsedScript.Item converted(ParsedScript.Item item) {
        if (item instanceof ParsedScript.Statement statement) {
            InsertAsCopy.Copy copy = InsertAsCopy.convert(statement.sql());
            if (copy != null) {
                return new ParsedScript.AsCopy(copy, statement.sql(), statement.line());
            }
        }
        return item;
    }

    /** Passes over a statement, and the rows of a {@code COPY}, that the gate leaves out. */
    private static void skip(ParsedScript script, ParsedScript.Item item) throws IOException {
        if (item instanceof ParsedScript.CopyStart) {
            while (!(script.next() instanceof ParsedScript.CopyEnd)) {
                // The rows of a table left out.
            }
        }
    }

    /** Passes over a psql meta-command that only guards psql itself; refuses any other. */
    static void passOver(ParsedScript.Meta meta, String source) {
        String command = meta.command().split("\\s+", 2)[0];
        if (!HARMLESS_META_COMMANDS.contains(command)) {
            throw new PersistorException(source + ", line " + meta.line() + ": the psql meta-command "
                    + command + " cannot run outside psql. Run this script with psql instead.");
        }
    }

    /**
     * Whether a statement sets the client encoding, which the connection keeps at UTF-8 (pgjdbc closes a connection
     * whose encoding changes): UTF-8 and SQL_ASCII scripts are read as UTF-8 and the statement is passed over; a
     * script in another encoding is refused, since its text would be read wrong.
     */
    static boolean setsClientEncoding(ParsedScript.Statement statement, String source) {
        Matcher matcher = CLIENT_ENCODING.matcher(statement.sql());
        if (!matcher.matches()) {
            return false;
        }
        String encoding = matcher.group(1).toUpperCase(Locale.ROOT).replaceAll("[-_]", "");
        if (!encoding.equals("UTF8") && !encoding.equals("UNICODE") && !encoding.equals("SQLASCII")) {
            throw new PersistorException(source + ", line " + statement.line() + ": the script is in encoding "
                    + matcher.group(1) + ", and a restore reads UTF-8 only. Convert it first (iconv -f "
                    + matcher.group(1) + " -t UTF-8), or take it with pg_dump --encoding=UTF8.");
        }
        return true;
    }

    /**
     * Sends one of Persistor's {@code INSERT}s as {@code COPY} rows, into the {@code COPY} the statement before it
     * opened when that one went to the same table and columns: a table's {@code INSERT}s travel as one {@code COPY}.
     */
    private void continueCopy(ParsedScript.AsCopy statement) {
        try {
            if (openCopy != null && !openCopy.command().equals(statement.copy().command())) {
                endCopy();
            }
            if (openCopy == null) {
                openCopy = new OpenCopy(statement.copy().command(), statement.line(), statement.sql(),
                        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement.copy().command()));
            }
            byte[] rows = statement.copy().rows();
            openCopy.in().writeToCopy(rows, 0, rows.length);
        } catch (SQLException e) {
            failCopy(e);
        }
    }

    /** Ends the {@code COPY} that Persistor's {@code INSERT}s opened, if one is open. */
    private void endCopy() {
        if (openCopy == null) {
            return;
        }
        try {
            rows += openCopy.in().endCopy();
            openCopy = null;
        } catch (SQLException e) {
            failCopy(e);
        }
    }

    private void failCopy(SQLException e) {
        OpenCopy failed = openCopy;
        openCopy = null;
        try {
            if (failed != null && failed.in().isActive()) {
                failed.in().cancelCopy();
            }
        } catch (SQLException suppressed) {
            e.addSuppressed(suppressed);
        }
        throw new PersistorException(source + ", line " + (failed == null ? "?" : failed.line()) + " (and the INSERTs "
                + "into the same table after it): " + e.getMessage() + "\n  in: "
                + excerpt(failed == null ? "" : failed.firstStatement()), e.getSQLState(), e);
    }

    /** A {@code COPY} kept open across consecutive {@code INSERT}s into the same table. */
    private record OpenCopy(String command, int line, String firstStatement, CopyIn in) {
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

    private void execute(ParsedScript script, ParsedScript.Item item) throws IOException {
        String sql;
        int line;
        if (item instanceof ParsedScript.CopyStart copy) {
            sql = copy.sql();
            line = copy.line();
        } else if (item instanceof ParsedScript.AsCopy asCopy) {
            sql = asCopy.sql();
            line = asCopy.line();
        } else {
            ParsedScript.Statement statement = (ParsedScript.Statement) item;
            sql = statement.sql();
            line = statement.line();
        }
        Savepoint savepoint = null;
        try {
            if (savepoints) {
                savepoint = connection.setSavepoint();
            }
            if (item instanceof ParsedScript.CopyStart) {
                rows += copyBlock(script, sql);
            } else if (item instanceof ParsedScript.AsCopy asCopy) {
                rows += copy(asCopy.copy());
            } else {
                try (Statement jdbc = connection.createStatement()) {
                    jdbc.execute(sql);
                    int updated = jdbc.getUpdateCount();
                    if (updated > 0 && sql.regionMatches(true, 0, "INSERT", 0, 6)) {
                        rows += updated;
                    }
                }
            }
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
        } catch (SQLException e) {
            String message = source + ", line " + line + ": " + e.getMessage() + "\n  in: " + excerpt(sql);
            if (onError == OnError.STOP) {
                throw new PersistorException(message, e.getSQLState(), e);
            }
            errors.add(message);
            rollbackTo(savepoint, e);
        }
    }

    /**
     * Streams a COPY block's rows to the server. If the server refuses them midway, the rest of the block is still
     * taken (and dropped), so the next item is the next statement.
     */
    private long copyBlock(ParsedScript script, String sql) throws SQLException, IOException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        SQLException failure = null;
        try {
            ParsedScript.Item item;
            while (!((item = script.next()) instanceof ParsedScript.CopyEnd)) {
                ParsedScript.Chunk chunk = (ParsedScript.Chunk) item;
                if (failure == null) {
                    try {
                        copy.writeToCopy(chunk.bytes(), 0, chunk.bytes().length);
                    } catch (SQLException e) {
                        failure = e;
                    }
                }
            }
            if (failure != null) {
                throw failure;
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

    /** A statement on one line, cut short when long, for messages. */
    static String excerpt(String sql) {
        String flat = sql.replaceAll("\\s+", " ");
        return flat.length() <= STATEMENT_EXCERPT ? flat : flat.substring(0, STATEMENT_EXCERPT) + " ...";
    }
}
