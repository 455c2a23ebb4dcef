package io.persistor.core.internal.ddl;

import static io.persistor.core.internal.script.SqlQuote.literal;

import io.persistor.model.DefinedObject;
import java.util.List;

/**
 * Wraps statements that only a superuser may run (a base type, an event trigger, a foreign-data wrapper...) in a
 * {@code DO} block: run by a superuser they take effect; run by another role they are skipped with a warning that
 * names the object, and the rest of the script goes on (also when what it needs was skipped so, such as the
 * foreign-data wrapper of a server).
 */
public final class SuperuserOnly {

    private SuperuserOnly() {
    }

    /**
     * The guarded form of some statements.
     *
     * @param object     what they create, for the warning, for example {@code type public.int42}
     * @param statements the statements, without terminating semicolons
     * @return one {@code DO} statement, without the terminating semicolon
     */
    public static String guard(String object, List<String> statements) {
        // The body is a standard string literal, as routine bodies are: the script stays free of dollar quotes.
        return "DO " + literal("BEGIN " + String.join("; ", statements) + "; EXCEPTION WHEN insufficient_privilege "
                + "OR undefined_object THEN RAISE WARNING '% was not restored: %', " + literal(object) + ", SQLERRM; END");
    }

    /**
     * The statements of an object kept by its definition, guarded when only a superuser may create it.
     *
     * @param object the object
     * @return the statements, without terminating semicolons
     */
    public static List<String> statements(DefinedObject object) {
        return object.superuserOnly() ? List.of(guard(object.toString(), object.statements())) : object.statements();
    }
}
