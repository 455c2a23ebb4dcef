package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.Hazard;
import io.persistor.MigrationVerification;
import io.persistor.PersistorException;
import io.persistor.SchemaComparison;
import io.persistor.SchemaDiff;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renames the caller declares become {@code ALTER ... RENAME}: the table keeps its rows, the column its values, and
 * the keys, indexes, checks, triggers, policies and foreign keys that name them are not rebuilt.
 */
class RenameMigrationIT {

    private static final String SOURCE = """
            CREATE FUNCTION public.tidy() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
            CREATE TABLE public.customer (id integer CONSTRAINT customer_id_not_null NOT NULL
                CONSTRAINT customer_pkey PRIMARY KEY, full_name text CONSTRAINT customer_full_name_not_null NOT NULL
                CONSTRAINT customer_name_set CHECK (full_name <> ''),
                since date DEFAULT current_date, "Tag" text);
            CREATE INDEX customer_lower_name ON public.customer (lower(full_name));
            CREATE TRIGGER customer_tidy BEFORE UPDATE OF full_name ON public.customer FOR EACH ROW
                WHEN (old.full_name IS DISTINCT FROM new.full_name) EXECUTE FUNCTION public.tidy();
            ALTER TABLE public.customer ENABLE ROW LEVEL SECURITY;
            CREATE POLICY customer_named ON public.customer USING (full_name IS NOT NULL);
            CREATE TABLE public.purchase (id integer PRIMARY KEY,
                customer_id integer CONSTRAINT purchase_customer_fkey REFERENCES public.customer (id), note text);
            CREATE VIEW public.customer_names AS SELECT id, full_name FROM public.customer;
            INSERT INTO public.customer VALUES (1, 'Ann', '2024-01-01', 'a'), (2, 'Bob', '2024-02-01', 'b');
            INSERT INTO public.purchase VALUES (10, 1, 'first'), (11, 2, 'second');
            """;

    /**
     * The same schema before the renames: the table was {@code client}, two of its columns had other names; its
     * constraints have the source's names (PostgreSQL 18 names {@code NOT NULL} ones), which renames do not change.
     */
    private static final String TARGET = SOURCE.replace("public.customer ", "public.client ")
            .replace("public.customer;", "public.client;").replace("public.customer (", "public.client (")
            .replace("full_name", "name").replace("\"Tag\"", "label")
            .replace("customer_name_not_null", "customer_full_name_not_null")
            .replace("CREATE VIEW public.customer_names AS SELECT id, name FROM public.client;",
                    "CREATE VIEW public.customer_names AS SELECT id, name AS full_name FROM public.client;");

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {13, 18})
    void aDeclaredRenameKeepsTheRows(int major) throws Exception {
        TestDatabase source = PostgresServers.major(major).createDatabase();
        TestDatabase target = PostgresServers.major(major).createDatabase();
        TestDatabase scratch = PostgresServers.major(major).createDatabase();
        try {
            source.execute(SOURCE);
            target.execute(TARGET);
            SchemaComparison comparison = SchemaDiff.between(source.superuserDataSource(),
                            target.superuserDataSource()).renameTable("public.client", "customer")
                    .renameColumn("public.client", "name", "full_name").renameColumn("public.client", "label", "Tag")
                    .compute();
            String plan = comparison.migrationSql();
            assertThat(plan).contains("ALTER TABLE \"public\".\"client\" RENAME TO \"customer\";\n")
                    .contains("ALTER TABLE \"public\".\"customer\" RENAME COLUMN \"name\" TO \"full_name\";\n")
                    .contains("ALTER TABLE \"public\".\"customer\" RENAME COLUMN \"label\" TO \"Tag\";\n")
                    .doesNotContain("DROP TABLE", "DROP COLUMN", "ADD COLUMN", "DROP INDEX", "DROP CONSTRAINT",
                            "DROP TRIGGER", "DROP POLICY");
            assertThat(comparison.steps()).as(plan).allMatch(s -> s.written() && !s.hazards().contains(Hazard.DATA_LOSS));

            MigrationVerification verification = comparison.verify(scratch.superuserDataSource());
            assertThat(verification.isGood()).as(verification.report() + plan).isTrue();
            MigrationCorpusIT.apply(comparison, target);
            assertThat(SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource()).compute()
                    .differences()).as(plan).isEmpty();
            assertThat(target.fingerprint("public").lines()).as(plan)
                    .containsExactlyElementsOf(source.fingerprint("public").lines());
        } finally {
            source.drop();
            target.drop();
            scratch.drop();
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {18})
    void notNullConstraintsGetTheSourcesNames(int major) throws Exception {
        TestDatabase source = PostgresServers.major(major).createDatabase();
        TestDatabase target = PostgresServers.major(major).createDatabase();
        try {
            source.execute("CREATE TABLE public.t (a int CONSTRAINT a_required NOT NULL, b int NOT NULL,"
                    + " c int CONSTRAINT c_required NOT NULL)", "INSERT INTO public.t VALUES (1, 2, 3)");
            target.execute("CREATE TABLE public.t (a int NOT NULL, b int CONSTRAINT b_required NOT NULL, c int)",
                    "INSERT INTO public.t VALUES (1, 2, 3)");
            SchemaComparison comparison = SchemaDiff.between(source.superuserDataSource(),
                    target.superuserDataSource()).compute();
            String plan = comparison.migrationSql();
            assertThat(plan).contains("RENAME CONSTRAINT \"t_a_not_null\" TO \"a_required\";")
                    .contains("RENAME CONSTRAINT \"b_required\" TO \"t_b_not_null\";")
                    .contains("ADD CONSTRAINT \"c_required\" NOT NULL \"c\";");
            MigrationCorpusIT.apply(comparison, target);
            assertThat(SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource()).compute()
                    .differences()).as(plan).isEmpty();
            assertThat(target.fingerprint("public").lines()).as(plan)
                    .containsExactlyElementsOf(source.fingerprint("public").lines());
        } finally {
            source.drop();
            target.drop();
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {18})
    void aRenameOfWhatIsNotThereIsRefusedByName(int major) throws Exception {
        TestDatabase source = PostgresServers.major(major).createDatabase();
        TestDatabase target = PostgresServers.major(major).createDatabase();
        try {
            source.execute(SOURCE);
            target.execute(TARGET);
            assertThatThrownBy(() -> SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource())
                    .renameTable("public.clients", "customer").compute()).isInstanceOf(PersistorException.class)
                    .hasMessage("Invalid rename: the target has no table public.clients");
            assertThatThrownBy(() -> SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource())
                    .renameTable("public.client", "customer").renameColumn("public.client", "name", "fullname")
                    .compute()).isInstanceOf(PersistorException.class)
                    .hasMessage("Invalid rename: the source's table public.customer has no column fullname");
            assertThatThrownBy(() -> SchemaDiff.between(source.superuserDataSource(), target.superuserDataSource())
                    .renameTable("client", "customer")).isInstanceOf(PersistorException.class)
                    .hasMessageContaining("schema.table");
        } finally {
            source.drop();
            target.drop();
        }
    }
}
