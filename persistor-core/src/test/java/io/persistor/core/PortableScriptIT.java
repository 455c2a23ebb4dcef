package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.Persistor;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.JdbcScript;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.ext.ScriptUtils;

/**
 * The INSERT format is plain SQL: no psql meta-commands, no COPY, no dollar quoting, no {@code E''} strings, each
 * statement ending with {@code ;} at the end of a line, so generic JDBC script runners cut it right. Proven on the
 * whole object set of PostgreSQL 13 (later majors add SQL-standard function bodies, whose inner semicolons only
 * psql-aware splitters such as Persistor's own understand).
 */
class PortableScriptIT {

    @TempDir
    Path directory;

    @Test
    void testcontainersScriptUtilsAndANaiveSplitterBothRestoreTheWholeObjectSet() throws Exception {
        PostgresServer server = PostgresServers.major(13);
        TestDatabase source = server.createDatabase();
        try {
            CatalogRoundTripIT.seed(source, 13);
            Path file = Persistor.backup(source.selectOnlyDataSource()).schemas("app", CatalogRoundTripIT.ODD_SCHEMA)
                    .enableRowSecurity().to(directory.resolve("portable.sql")).file();
            String script = Files.readString(file, StandardCharsets.UTF_8);

            assertThat(script.lines()).noneMatch(line -> line.startsWith("\\"));
            assertThat(script).doesNotContain("FROM stdin").doesNotContain("$function$").doesNotContain(" E'");

            List<String> byTestcontainers = new ArrayList<>();
            ScriptUtils.splitSqlScript("portable.sql", script, ";", "--", "/*", "*/", byTestcontainers);
            Fingerprint expected = source.fingerprint("app", CatalogRoundTripIT.ODD_SCHEMA);
            assertThat(restoreStatementByStatement(server, byTestcontainers, expected))
                    .isEqualTo(JdbcScript.split(script).size());
            restoreStatementByStatement(server, JdbcScript.split(script), expected);
        } finally {
            source.drop();
        }
    }

    private static int restoreStatementByStatement(PostgresServer server, List<String> statements, Fingerprint expected)
            throws Exception {
        TestDatabase target = server.createOwnedDatabase();
        try (Connection connection = target.ownerDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            Fingerprint.assertSame(expected, target.fingerprint("app", CatalogRoundTripIT.ODD_SCHEMA));
            return statements.size();
        } finally {
            target.drop();
        }
    }
}
