package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.BackupResult;
import io.persistor.Format;
import io.persistor.Persistor;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.Psql;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Base types come back as pg_dump brings them: a shell first, then their input and output functions, then the full
 * definition, then what uses them (columns and their rows, arrays, casts, SQL functions); a shell type never
 * defined stays a shell. Only a superuser may define a base type: restored by another role, the definition is
 * skipped with a warning naming it.
 */
class BaseTypesRoundTripIT {

    private static final String SEED = """
            CREATE TYPE public.int42;
            CREATE FUNCTION public.int42_in(cstring) RETURNS public.int42 AS 'int4in'
                LANGUAGE internal STRICT IMMUTABLE;
            CREATE FUNCTION public.int42_out(public.int42) RETURNS cstring AS 'int4out'
                LANGUAGE internal STRICT IMMUTABLE;
            CREATE TYPE public.int42 (INTERNALLENGTH = 4, INPUT = public.int42_in, OUTPUT = public.int42_out,
                ALIGNMENT = int4, DEFAULT = '42', PASSEDBYVALUE);
            COMMENT ON TYPE public.int42 IS 'an int4 by another name';
            CREATE TYPE public.label;
            CREATE FUNCTION public.label_in(cstring) RETURNS public.label AS 'textin'
                LANGUAGE internal STRICT IMMUTABLE;
            CREATE FUNCTION public.label_out(public.label) RETURNS cstring AS 'textout'
                LANGUAGE internal STRICT IMMUTABLE;
            CREATE TYPE public.label (INTERNALLENGTH = variable, INPUT = public.label_in, OUTPUT = public.label_out,
                ALIGNMENT = int4, STORAGE = main, CATEGORY = 'S', DEFAULT = 'none', DELIMITER = ';',
                COLLATABLE = true);
            CREATE TYPE public.still_a_shell;
            COMMENT ON TYPE public.still_a_shell IS 'never defined';
            CREATE FUNCTION public.answer() RETURNS public.int42 LANGUAGE sql AS 'SELECT ''42''::public.int42';
            CREATE CAST (public.int42 AS integer) WITH INOUT;
            CREATE TABLE public.holder (id integer PRIMARY KEY, n public.int42, l public.label,
                ns public.int42[], answer public.int42 DEFAULT public.answer());
            INSERT INTO public.holder (id, n, l, ns) VALUES (1, '7', 'seven', '{1,2}'), (2, DEFAULT, DEFAULT, NULL);
            """;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.persistor.testkit.PostgresServers#majors")
    void baseTypesRoundTripInBothFormats(int major) throws Exception {
        PostgresServer server = PostgresServers.major(major);
        TestDatabase source = server.createDatabase();
        try {
            source.execute(SEED);
            for (Format format : Format.values()) {
                BackupResult result = Persistor.backup(source.selectOnlyDataSource()).format(format)
                        .to(directory.resolve(major + "-" + format + ".sql"));
                String script = Files.readString(result.file());
                assertThat(script).contains("DO 'BEGIN CREATE TYPE \"public\".\"still_a_shell\"; COMMENT ON TYPE "
                                + "\"public\".\"still_a_shell\" IS ''never defined''; EXCEPTION")
                        .contains("CREATE TYPE \"public\".\"int42\" (INPUT = public.int42_in, OUTPUT = "
                                + "public.int42_out, INTERNALLENGTH = 4, PASSEDBYVALUE, ALIGNMENT = int4, "
                                + "STORAGE = plain, DEFAULT = ''42'')");
                assertThat(script.indexOf("CREATE TYPE \"public\".\"int42\";"))
                        .isLessThan(script.indexOf("FUNCTION public.int42_in(cstring)"));
                assertThat(script.indexOf("FUNCTION public.int42_in(cstring)"))
                        .isLessThan(script.indexOf("CREATE TYPE \"public\".\"int42\" ("));
                assertThat(script.indexOf("CREATE TYPE \"public\".\"int42\" ("))
                        .isLessThan(script.indexOf("FUNCTION public.answer()"));

                TestDatabase target = server.createDatabase();
                try {
                    Psql.run(target, result.file());
                    Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
                } finally {
                    target.drop();
                }
                TestDatabase restored = server.createDatabase();
                try {
                    Persistor.restore(restored.superuserDataSource()).from(result.file());
                    Fingerprint.assertSame(source.fingerprint("public"), restored.fingerprint("public"));
                } finally {
                    restored.drop();
                }
            }
        } finally {
            source.drop();
        }
    }
}
