package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.Format;
import io.persistor.Persistor;
import io.persistor.PersistorException;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.Psql;
import io.persistor.testkit.SqlScripts;
import io.persistor.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A schema-only file followed by a data-only file restores the same database as one full file. */
@ExtendWith(FreshDatabase.class)
class SectionsIT {

    @TempDir
    Path directory;

    @Test
    void schemaOnlyThenDataOnlyRestoresTheWholeDatabase(TestDatabase source) throws Exception {
        source.execute(SqlScripts.load(getClass(), "foundation-schema.sql"));
        // Data-only rows load under the target's constraints; a row only a NOT VALID check lets stand cannot.
        source.execute("DELETE FROM public.checked_later WHERE v <= 0");
        // Triggers exist in the target before the data-only file loads: they must not fire, and keep their state.
        source.execute("CREATE TABLE public.event_log (id serial PRIMARY KEY, what text)",
                "CREATE TABLE public.watched (id int)",
                "CREATE FUNCTION public.log_it() RETURNS trigger LANGUAGE plpgsql AS "
                        + "$$ BEGIN INSERT INTO public.event_log (what) VALUES ('row'); RETURN NULL; END $$",
                "CREATE TRIGGER watched_log AFTER INSERT ON public.watched FOR EACH ROW EXECUTE FUNCTION public.log_it()",
                "CREATE TRIGGER watched_always AFTER INSERT ON public.watched FOR EACH ROW EXECUTE FUNCTION public.log_it()",
                "ALTER TABLE public.watched ENABLE ALWAYS TRIGGER watched_always",
                "CREATE TRIGGER watched_off AFTER INSERT ON public.watched FOR EACH ROW EXECUTE FUNCTION public.log_it()",
                "ALTER TABLE public.watched DISABLE TRIGGER watched_off",
                "INSERT INTO public.watched VALUES (1), (2)",
                // A partition's copy of its parent's trigger, disabled on its own.
                "CREATE TABLE public.pwatched (id int, k int) PARTITION BY LIST (k)",
                "CREATE TABLE public.pwatched_1 PARTITION OF public.pwatched FOR VALUES IN (1)",
                "CREATE TABLE public.pwatched_2 PARTITION OF public.pwatched FOR VALUES IN (2)",
                "CREATE TRIGGER pwatched_log AFTER INSERT ON public.pwatched FOR EACH ROW EXECUTE FUNCTION public.log_it()",
                "ALTER TABLE public.pwatched_2 DISABLE TRIGGER pwatched_log",
                "INSERT INTO public.pwatched VALUES (1, 1), (2, 2)",
                "CREATE MATERIALIZED VIEW public.watched_count AS SELECT count(*) AS n FROM public.watched");
        DataSource reader = source.selectOnlyDataSource();
        Path schema = Persistor.backup(reader).schemaOnly().to(directory.resolve("schema.sql")).file();
        Path data = Persistor.backup(reader).dataOnly().format(Format.COPY).to(directory.resolve("data.sql")).file();

        assertThat(Files.readString(schema, StandardCharsets.UTF_8)).doesNotContain("INSERT INTO \"public\"")
                .doesNotContain("setval");
        assertThat(Files.readString(data, StandardCharsets.UTF_8)).doesNotContain("CREATE TABLE").contains("setval");
        TestDatabase target = source.server().createOwnedDatabase();
        try {
            Psql.run(target, schema);
            Psql.run(target, data);
            Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
            try (Connection connection = target.ownerDataSource().getConnection();
                 ResultSet row = connection.createStatement().executeQuery(
                         "SELECT (SELECT count(*) FROM public.event_log), (SELECT n FROM public.watched_count)")) {
                row.next();
                assertThat(row.getLong(1)).as("log rows: the triggers did not fire again").isEqualTo(5);
                assertThat(row.getLong(2)).as("the materialized view was refreshed").isEqualTo(2);
            }
        } finally {
            target.drop();
        }
    }

    @Test
    void refusesSchemaOnlyAndDataOnlyTogether(TestDatabase source) {
        assertThatThrownBy(() -> Persistor.backup(source.superuserDataSource()).schemaOnly().dataOnly()
                .to(directory.resolve("x.sql")))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("schemaOnly() and dataOnly() exclude each other");
    }
}
