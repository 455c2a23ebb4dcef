package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.BackupResult;
import io.persistor.Persistor;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.Psql;
import io.persistor.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Owners and grants (of a foreign table's too) and default privileges are left out by default and reproduced
 * exactly when asked for.
 */
@ExtendWith(FreshDatabase.class)
class PrivilegesRoundTripIT {

    /** A foreign server is the database's, not the schema's: the target gets its own. */
    private static final String FOREIGN_SERVER = """
            CREATE FOREIGN DATA WRAPPER shop_fdw;
            CREATE SERVER shop_server FOREIGN DATA WRAPPER shop_fdw;
            GRANT USAGE ON FOREIGN SERVER shop_server TO persistor_app;
            """;

    private static final String SEED = """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'persistor_app') THEN CREATE ROLE persistor_app; END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'persistor_clerk') THEN CREATE ROLE persistor_clerk; END IF;
            END $$;
            CREATE SCHEMA shop AUTHORIZATION persistor_app;
            GRANT USAGE ON SCHEMA shop TO persistor_clerk;
            CREATE TABLE shop.item (id int PRIMARY KEY, name text, secret text);
            ALTER TABLE shop.item OWNER TO persistor_app;
            GRANT SELECT, INSERT ON shop.item TO persistor_clerk WITH GRANT OPTION;
            GRANT UPDATE (name) ON shop.item TO persistor_clerk;
            CREATE VIEW shop.names AS SELECT name FROM shop.item;
            ALTER VIEW shop.names OWNER TO persistor_app;
            GRANT SELECT ON shop.names TO PUBLIC;
            CREATE SEQUENCE shop.ticket;
            ALTER SEQUENCE shop.ticket OWNER TO persistor_app;
            GRANT USAGE ON SEQUENCE shop.ticket TO persistor_clerk;
            CREATE TYPE shop.state AS ENUM ('new', 'done');
            ALTER TYPE shop.state OWNER TO persistor_app;
            REVOKE USAGE ON TYPE shop.state FROM PUBLIC;
            CREATE FUNCTION shop.total() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM shop.item';
            ALTER FUNCTION shop.total() OWNER TO persistor_app;
            REVOKE EXECUTE ON FUNCTION shop.total() FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION shop.total() TO persistor_clerk;
            INSERT INTO shop.item VALUES (1, 'pen', 's');
            """ + FOREIGN_SERVER + """
            CREATE FOREIGN TABLE shop.remote (id int, note text) SERVER shop_server;
            ALTER FOREIGN TABLE shop.remote OWNER TO persistor_app;
            GRANT SELECT ON shop.remote TO persistor_clerk;
            GRANT UPDATE (note) ON shop.remote TO persistor_clerk;
            ALTER DEFAULT PRIVILEGES FOR ROLE persistor_app IN SCHEMA shop GRANT SELECT ON TABLES TO persistor_clerk;
            ALTER DEFAULT PRIVILEGES FOR ROLE persistor_app IN SCHEMA shop GRANT USAGE ON SEQUENCES TO persistor_clerk;
            """;

    private static final String ACLS = """
            SELECT 'schema ' || nspname || ' ' || nspowner::regrole || ' ' || coalesce(nspacl::text, 'default')
            FROM pg_namespace WHERE nspname = 'shop'
            UNION ALL SELECT 'relation ' || relname || ' ' || relowner::regrole || ' ' || coalesce(relacl::text, 'default')
            FROM pg_class WHERE relnamespace = 'shop'::regnamespace AND relkind IN ('r', 'v', 'S', 'f')
            UNION ALL SELECT 'column ' || attrelid::regclass || '.' || attname || ' ' || attacl::text
            FROM pg_attribute
            WHERE attrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'shop'::regnamespace) AND attacl IS NOT NULL
            UNION ALL SELECT 'type ' || typname || ' ' || typowner::regrole || ' ' || coalesce(typacl::text, 'default')
            FROM pg_type WHERE typnamespace = 'shop'::regnamespace AND typtype = 'e'
            UNION ALL SELECT 'function ' || proname || ' ' || proowner::regrole || ' ' || coalesce(proacl::text, 'default')
            FROM pg_proc WHERE pronamespace = 'shop'::regnamespace
            UNION ALL SELECT 'default ' || defaclrole::regrole || ' ' || coalesce(nullif(defaclnamespace, 0)::regnamespace::text, '-')
                             || ' ' || defaclobjtype::text || ' ' || defaclacl::text
            FROM pg_default_acl
            ORDER BY 1
            """;

    @TempDir
    Path directory;

    @Test
    void reproducesOwnersAndGrantsWhenAskedFor(TestDatabase source) throws Exception {
        source.execute(SEED);
        BackupResult result = Persistor.backup(source.selectOnlyDataSource()).schema("shop").ownershipAndPrivileges()
                .to(directory.resolve("privileges.sql"));
        TestDatabase target = source.server().createDatabase();
        try {
            target.execute(FOREIGN_SERVER);
            Psql.run(target, result.file());

            List<String> expected = acls(source);
            assertThat(expected).contains("column shop.remote.note {persistor_clerk=w/persistor_app}");
            assertThat(expected).anyMatch(line -> line.contains("persistor_clerk=arw*")
                    || line.contains("persistor_clerk=a*r*"));
            assertThat(acls(target)).isEqualTo(expected);
            Fingerprint.assertSame(source.fingerprint("shop"), target.fingerprint("shop"));
        } finally {
            target.drop();
        }
    }

    @Test
    void reproducesARolesOwnDefaultPrivilegesWithEverySchema(TestDatabase source) throws Exception {
        source.execute("""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'persistor_app') THEN CREATE ROLE persistor_app; END IF;
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'persistor_clerk') THEN CREATE ROLE persistor_clerk; END IF;
                END $$;
                CREATE SCHEMA shop;
                ALTER DEFAULT PRIVILEGES FOR ROLE persistor_app REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
                ALTER DEFAULT PRIVILEGES FOR ROLE persistor_app GRANT SELECT, UPDATE ON TABLES TO persistor_clerk;
                """);
        BackupResult result = Persistor.backup(source.selectOnlyDataSource()).allSchemas().ownershipAndPrivileges()
                .to(directory.resolve("defaults.sql"));
        TestDatabase target = source.server().createDatabase();
        try {
            Psql.run(target, result.file());
            List<String> expected = acls(source);
            assertThat(expected).filteredOn(line -> line.startsWith("default persistor_app - ")).hasSize(2);
            assertThat(acls(target)).isEqualTo(expected);
        } finally {
            target.drop();
        }
        Path withoutPrivileges = Persistor.backup(source.selectOnlyDataSource()).allSchemas()
                .to(directory.resolve("without.sql")).file();
        assertThat(Files.readString(withoutPrivileges)).doesNotContain("DEFAULT PRIVILEGES");
    }

    @Test
    void leavesOwnersAndGrantsOutByDefault(TestDatabase source) throws Exception {
        source.execute(SEED);
        Path file = Persistor.backup(source.selectOnlyDataSource()).schema("shop").to(directory.resolve("plain.sql")).file();

        String script = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(script).doesNotContain("OWNER TO").doesNotContain("GRANT ").doesNotContain("REVOKE ");
    }

    private static List<String> acls(TestDatabase database) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection connection = database.superuserDataSource().getConnection();
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(ACLS)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return lines;
    }
}
