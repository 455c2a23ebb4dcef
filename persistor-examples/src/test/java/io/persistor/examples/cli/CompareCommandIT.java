package io.persistor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code persistor compare} with the original tool's options: report, JSON, SQL and exit codes. */
@ExtendWith(FreshDatabase.class)
class CompareCommandIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void reportsDifferencesBetweenSchemasOfTwoDatabasesAndExitsWithOne(TestDatabase source, TestDatabase target) {
        source.execute("CREATE SCHEMA shop", "CREATE TABLE shop.item (id int PRIMARY KEY, price numeric(10,2))");
        target.execute("CREATE SCHEMA store", "CREATE TABLE store.item (id int PRIMARY KEY, price numeric(12,2))");
        String port = String.valueOf(source.server().port());
        String user = source.server().superuser();

        int code = run("compare", "--s-db", source.name(), "--s-user", user, "--s-port", port, "--s-schema", "shop",
                "--t-db", target.name(), "--t-user", user, "--t-port", port, "--t-schema", "store");
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(out.toString()).contains("DIFFERENT column store.item.price: type: numeric(10,2) vs numeric(12,2)");

        out.getBuffer().setLength(0);
        run("compare", "--s-db", source.name(), "--s-user", user, "--s-port", port, "--s-schema", "shop",
                "--t-db", target.name(), "--t-user", user, "--t-port", port, "--t-schema", "store", "--sql");
        assertThat(out.toString()).contains("ALTER COLUMN \"price\" TYPE numeric(10,2)").contains("HAZARD");

        out.getBuffer().setLength(0);
        run("compare", "--s-db", source.name(), "--s-user", user, "--s-port", port, "--s-schema", "shop",
                "--t-db", target.name(), "--t-user", user, "--t-port", port, "--t-schema", "store", "--json");
        assertThat(out.toString()).startsWith("{\"differences\": [").contains("\"change\": \"DIFFERENT\"");
    }

    @Test
    void allowsHazardsByNameAndVerifiesTheMigrationOnAScratchDatabase(TestDatabase source, TestDatabase target,
                                                                       TestDatabase scratch) {
        source.execute("CREATE TABLE public.item (id int PRIMARY KEY, price numeric(10,2))",
                "CREATE VIEW public.priced AS SELECT id, price FROM public.item");
        target.execute("CREATE TABLE public.item (id int PRIMARY KEY, price numeric(12,2))",
                "CREATE VIEW public.priced AS SELECT id, price FROM public.item");
        String port = String.valueOf(source.server().port());
        String user = source.server().superuser();
        String[] compare = {"compare", "--s-db", source.name(), "--s-user", user, "--s-port", port,
                "--t-db", target.name(), "--t-user", user, "--t-port", port, "--verify", scratch.name()};

        int refused = run(compare);
        assertThat(refused).as(out.toString()).isEqualTo(ExitCode.FAILURE);
        assertThat(out.toString()).contains("Left after the migration: DIFFERENT column public.item.price");

        out.getBuffer().setLength(0);
        int allowed = run(java.util.stream.Stream.concat(java.util.Arrays.stream(compare),
                java.util.stream.Stream.of("--sql", "--allow", "TABLE_REWRITE")).toArray(String[]::new));
        assertThat(allowed).as(err.toString()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(out.toString()).contains("DROP VIEW \"public\".\"priced\"").doesNotContain("CASCADE");
        assertThat(err.toString()).contains("left no difference");
    }

    @Test
    void writesOnlineSafePlansAndRenamesAndRefusesMalformedRenames(TestDatabase source, TestDatabase target,
                                                                   TestDatabase scratch) {
        source.execute("CREATE TABLE public.client (id int PRIMARY KEY, full_name text)",
                "CREATE INDEX client_name ON public.client (full_name)");
        target.execute("CREATE TABLE public.customer (id int PRIMARY KEY, name text)",
                "ALTER TABLE public.customer RENAME CONSTRAINT customer_pkey TO client_pkey");
        String port = String.valueOf(source.server().port());
        String user = source.server().superuser();
        int code = run("compare", "--s-db", source.name(), "--s-user", user, "--s-port", port,
                "--t-db", target.name(), "--t-user", user, "--t-port", port, "--sql", "--online",
                "--rename-table", "customer=client", "--rename-column", "customer.name=full_name",
                "--verify", scratch.name());
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(out.toString()).startsWith("SET lock_timeout = '5s';\n")
                .contains("ALTER TABLE \"public\".\"customer\" RENAME TO \"client\";")
                .contains("ALTER TABLE \"public\".\"client\" RENAME COLUMN \"name\" TO \"full_name\";")
                .contains("CREATE INDEX CONCURRENTLY client_name ON public.client")
                .doesNotContain("DROP TABLE", "ADD COLUMN");
        assertThat(err.toString()).contains("left no difference");

        int malformed = run("compare", "--s-db", source.name(), "--s-user", user, "--s-port", port,
                "--t-db", target.name(), "--t-user", user, "--t-port", port, "--rename-column", "name=full_name");
        assertThat(malformed).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--rename-column takes TABLE.COLUMN=NEW, but got name=full_name");
    }

    @Test
    void exitsWithZeroForIdenticalSchemas(TestDatabase source, TestDatabase target) {
        source.execute("CREATE TABLE public.t (id int)");
        target.execute("CREATE TABLE public.t (id int)");
        String port = String.valueOf(source.server().port());
        String user = source.server().superuser();
        int code = run("compare", "--s-db", source.name(), "--s-user", user, "--s-port", port,
                "--t-db", target.name(), "--t-user", user, "--t-port", port);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("No differences.\n");
    }

    private int run(String... args) {
        return PersistorCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
