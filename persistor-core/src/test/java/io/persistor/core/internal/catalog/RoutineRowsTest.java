package io.persistor.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutineRowsTest {

    private static final String HEADER = "CREATE OR REPLACE FUNCTION public.f()\n RETURNS text\n LANGUAGE plpgsql\n";

    @Test
    void turnsADollarQuotedBodyIntoAStandardLiteral() {
        String body = "\nBEGIN\n  RETURN 'it''s $$ here';\nEND\n";
        String definition = HEADER + "AS $function$" + body + "$function$";
        assertThat(RoutineRows.withLiteralBody(definition, body, "plpgsql"))
                .isEqualTo(HEADER + "AS '\nBEGIN\n  RETURN ''it''''s $$ here'';\nEND\n'");
    }

    @Test
    void copesWithTheLongerTagPostgresPicksWhenTheBodyHoldsTheUsualOne() {
        String body = "SELECT '$function$'";
        String definition = HEADER + "AS $functionx$" + body + "$functionx$";
        assertThat(RoutineRows.withLiteralBody(definition, body, "sql")).endsWith("AS 'SELECT ''$function$'''");
    }

    @Test
    void leavesCFunctionsAndStandardBodiesAlone() {
        String c = HEADER.replace("plpgsql", "c") + "AS '$libdir/x', $function$sym$function$";
        assertThat(RoutineRows.withLiteralBody(c, "sym", "c")).isEqualTo(c);
        String atomic = HEADER.replace("plpgsql", "sql") + "BEGIN ATOMIC\n SELECT 1;\nEND";
        assertThat(RoutineRows.withLiteralBody(atomic, "", "sql")).isEqualTo(atomic);
    }
}
