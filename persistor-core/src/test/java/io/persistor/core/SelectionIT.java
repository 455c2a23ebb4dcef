package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.BackupResult;
import io.persistor.BackupVerification;
import io.persistor.LargeObjects;
import io.persistor.Persistor;
import io.persistor.PersistorException;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.Psql;
import io.persistor.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What a backup includes: every schema, exclusions, and honesty about rows the role cannot see. */
@ExtendWith(FreshDatabase.class)
class SelectionIT {

    @TempDir
    Path directory;

    @Test
    void allSchemasBacksUpEveryUserSchemaButNotTheSystemOnes(TestDatabase source) throws Exception {
        source.execute("CREATE SCHEMA one", "CREATE SCHEMA two", "CREATE TABLE one.t (id int PRIMARY KEY)",
                "CREATE TABLE two.u (id int REFERENCES one.t)", "CREATE TABLE public.p (x text)",
                "INSERT INTO one.t VALUES (1)", "INSERT INTO two.u VALUES (1)", "INSERT INTO public.p VALUES ('p')");
        BackupResult result = Persistor.backup(source.selectOnlyDataSource()).allSchemas()
                .to(directory.resolve("all.sql"));
        Psql.assertRestoresAsSource(source, result.file(), "one", "two", "public");
        assertThat(result.tables()).isEqualTo(3);
        assertThat(Files.readString(result.file(), StandardCharsets.UTF_8)).doesNotContain("information_schema")
                .doesNotContain("\"pg_catalog\"");
    }

    @Test
    void aFilterFileChoosesSchemasTablesAndTableData(TestDatabase source) throws Exception {
        source.execute("CREATE SCHEMA sales", "CREATE SCHEMA staging",
                "CREATE TABLE sales.customer (id int PRIMARY KEY)",
                "CREATE TABLE sales.orders (id int PRIMARY KEY, customer int REFERENCES sales.customer)",
                "CREATE TABLE sales.orders_archive (id int)", "CREATE TABLE sales.event (at date) PARTITION BY RANGE (at)",
                "CREATE TABLE sales.event_2026 PARTITION OF sales.event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                "CREATE TABLE staging.load (x int)", "CREATE TABLE public.other (x int)",
                "INSERT INTO sales.customer VALUES (1), (2)", "INSERT INTO sales.orders VALUES (1, 1)",
                "INSERT INTO sales.orders_archive VALUES (7)", "INSERT INTO sales.event VALUES ('2026-05-05')",
                "INSERT INTO staging.load VALUES (3)");
        Path filter = Files.writeString(directory.resolve("backup.filter"), """
                # what a fixture needs
                include table_and_children sales.*
                exclude table sales.orders_archive
                exclude table_data "sales"."orders"
                """);

        BackupResult result = Persistor.backup(source.selectOnlyDataSource()).filter(filter)
                .to(directory.resolve("filtered.sql"));

        BackupVerification verification = Persistor.verify(result.file());
        assertThat(verification.rows()).containsOnlyKeys("sales.customer", "sales.orders", "sales.event_2026")
                .containsEntry("sales.customer", 2L).containsEntry("sales.orders", 0L)
                .containsEntry("sales.event_2026", 1L);
        assertThat(Files.readString(result.file())).contains("-- Filter: include table sales.*, exclude table "
                + "sales.orders_archive, exclude table_data \"sales\".\"orders\"\n");
        TestDatabase target = source.server().createOwnedDatabase();
        try {
            Persistor.restore(target.ownerDataSource()).from(result.file());
            assertThat(target.fingerprint("sales").lines()).anyMatch(line -> line.contains("sales.orders"))
                    .noneMatch(line -> line.contains("orders_archive"));
            assertThat(target.fingerprint("staging", "public").lines()).noneMatch(line -> line.contains("load")
                    || line.contains("other"));
        } finally {
            target.drop();
        }
        Path wrong = Files.writeString(directory.resolve("wrong.filter"), "include function f\n");
        assertThatThrownBy(() -> Persistor.backup(source.selectOnlyDataSource()).filter(wrong))
                .hasMessageContaining("wrong.filter, line 1: Persistor filters schemas, tables and table data; "
                        + "function is not supported");
    }

    @Test
    void excludedTablesTakeTheirPartitionsViewsAndForeignKeysWithThem(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.keep (id int PRIMARY KEY)",
                "CREATE TABLE public.log (at date, ref int REFERENCES public.keep) PARTITION BY RANGE (at)",
                "CREATE TABLE public.log_2024 PARTITION OF public.log FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "CREATE TABLE public.audit_keep (id int REFERENCES public.keep, log_at date)",
                "CREATE VIEW public.recent AS SELECT * FROM public.log",
                "INSERT INTO public.keep VALUES (1)", "INSERT INTO public.log VALUES ('2024-02-02', 1)");
        BackupResult result = Persistor.backup(source.selectOnlyDataSource()).excludeTables("lo?")
                .to(directory.resolve("excluded.sql"));
        TestDatabase target = source.server().createOwnedDatabase();
        try {
            Psql.run(target, result.file());
            source.execute("DROP VIEW public.recent", "DROP TABLE public.log");
            Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
            assertThat(result.notes()).contains("Table public.log_2024 is left out: its parent [public.log] is not in "
                    + "this backup.", "View public.recent is left out: it depends on a table that is not in this backup.");
        } finally {
            target.drop();
        }
    }

    @Test
    void refusesToWriteFewerRowsWhenRowLevelSecurityHidesSome(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.secret (id int, owner name DEFAULT current_user)",
                "INSERT INTO public.secret VALUES (1, 'someone'), (2, 'persistor_reader')",
                "ALTER TABLE public.secret ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY mine ON public.secret USING (owner = current_user)");
        DataSource reader = source.selectOnlyDataSource();

        assertThatThrownBy(() -> Persistor.backup(reader).to(directory.resolve("x.sql")))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("Row-level security applies to \"public\".\"secret\"")
                .hasMessageContaining("enableRowSecurity()");
        try (var files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }

        BackupResult partial = Persistor.backup(reader).enableRowSecurity().to(directory.resolve("partial.sql"));
        assertThat(partial.rows()).isEqualTo(1);
        assertThat(Files.readString(partial.file(), StandardCharsets.UTF_8))
                .contains("-- Note: Row-level security limited table \"public\".\"secret\" to the rows the backup role may see.");
    }

    @Test
    void bringsAlongExtensionsInstalledInOtherSchemasThatTheTablesUse(TestDatabase source) throws Exception {
        source.execute("CREATE SCHEMA extensions", "CREATE EXTENSION citext WITH SCHEMA extensions",
                "CREATE EXTENSION hstore WITH SCHEMA extensions",
                "CREATE TABLE public.account (email extensions.citext PRIMARY KEY, attributes extensions.hstore)",
                "INSERT INTO public.account VALUES ('Ada@Example.com', 'a=>1')");
        BackupResult result = Persistor.backup(source.selectOnlyDataSource()).to(directory.resolve("ext.sql"));
        Psql.assertRestoresAsSource(source, result.file(), "public");
        assertThat(Files.readString(result.file(), StandardCharsets.UTF_8))
                .contains("CREATE SCHEMA IF NOT EXISTS \"extensions\";")
                .contains("CREATE EXTENSION IF NOT EXISTS \"citext\" WITH SCHEMA \"extensions\";");
    }

    @Test
    void notesLargeObjectsLeftOutWhenNotAskedFor(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.t (id int)", "SELECT lo_from_bytea(0, 'blob'::bytea)",
                "SELECT lo_from_bytea(0, 'another'::bytea)");
        BackupResult result = Persistor.backup(source.selectOnlyDataSource()).largeObjects(LargeObjects.NONE)
                .to(directory.resolve("lo.sql"));
        assertThat(result.notes()).contains("Not backed up: 2 large objects (large objects were not asked for).");
        assertThat(Files.readString(result.file(), StandardCharsets.UTF_8)).doesNotContain("lo_create");
    }

    @Test
    void notesWhatItDoesNotBackUpAndWhatComesFromSchemasOutsideTheBackup(TestDatabase source) {
        source.execute("CREATE SCHEMA a", "CREATE TABLE a.t (x int)", "CREATE DOMAIN a.d AS int",
                "CREATE FUNCTION a.f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                "CREATE SCHEMA b", "CREATE VIEW b.v AS SELECT x FROM a.t",
                "CREATE TABLE b.u (y a.d, z int DEFAULT a.f())",
                "CREATE TYPE b.money2 AS (amount numeric, currency text)",
                "CREATE FUNCTION b.amount(b.money2) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT $1.amount'",
                "CREATE CAST (b.money2 AS numeric) WITH FUNCTION b.amount(b.money2)");
        DataSource reader = source.selectOnlyDataSource();
        source.execute("CREATE SCHEMA secret", "CREATE TABLE secret.s (id int)");

        BackupResult partial = Persistor.backup(reader).schema("b").to(directory.resolve("b.sql"));
        assertThat(partial.notes()).contains(
                "Not backed up: type a.d from schema a, which column y of table b.u needs: restore into a database "
                        + "that has it.",
                "Not backed up: function a.f() from schema a, which default value for column z of table b.u needs: "
                        + "restore into a database that has it.",
                "Not backed up: table a.t from schema a, which view b.v needs: restore into a database that has it.");
        BackupResult all = Persistor.backup(reader).allSchemas().to(directory.resolve("all.sql"));
        assertThat(all.notes()).contains("Not backed up: schema secret: the role lacks USAGE on it.")
                .noneMatch(note -> note.contains("from schema a"));
    }

    @Test
    void namesASequenceTheRoleMayNotRead(TestDatabase source) {
        source.execute("CREATE TABLE public.t (id serial)");
        DataSource reader = source.selectOnlyDataSource();
        source.execute("REVOKE SELECT ON SEQUENCE public.t_id_seq FROM persistor_reader");
        assertThatThrownBy(() -> Persistor.backup(reader).to(directory.resolve("x.sql")))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("lacks SELECT on sequence \"public\".\"t_id_seq\"");
    }
}
