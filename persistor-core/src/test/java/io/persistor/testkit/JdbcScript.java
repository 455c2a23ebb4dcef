package io.persistor.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs a script the way a plain JDBC application would: split into statements by a deliberately simple
 * splitter that knows only quotes and comments (no dollar quotes, no psql meta-commands), each statement sent
 * with {@link Statement#execute(String)}.
 */
public final class JdbcScript {

    private JdbcScript() {
    }

    /**
     * Splits a script at semicolons outside single quotes, double quotes and comments.
     *
     * @param script the script
     * @return its statements, without the semicolons, blank ones dropped
     */
    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"') {
                int end = script.indexOf(c, i + 1);
                while (end >= 0 && end + 1 < script.length() && script.charAt(end + 1) == c) {
                    end = script.indexOf(c, end + 2);
                }
                if (end < 0) {
                    throw new IllegalArgumentException("Unterminated quote starting at offset " + i);
                }
                current.append(script, i, end + 1);
                i = end + 1;
            } else if (script.startsWith("--", i)) {
                int end = script.indexOf('\n', i);
                i = end < 0 ? script.length() : end + 1;
            } else if (script.startsWith("/*", i)) {
                i = script.indexOf("*/", i + 2) + 2;
            } else if (c == ';') {
                add(statements, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    /**
     * Runs every statement of a file, each in its own auto-committed transaction.
     *
     * @param dataSource the target
     * @param file       the script
     * @return how many statements ran
     */
    public static int execute(DataSource dataSource, Path file) {
        List<String> statements;
        try {
            statements = split(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new AssertionError("Statement failed: " + e.getMessage() + "\n" + sql, e);
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("Cannot connect: " + e.getMessage(), e);
        }
        return statements.size();
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
