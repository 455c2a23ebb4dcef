package io.persistor.core.internal.ddl;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.literal;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.Sequence;
import java.util.List;

/** Statements that create a sequence, attach it to its owning column and restore its state. */
public final class SequenceDdl {

    private SequenceDdl() {
    }

    /**
     * {@code CREATE SEQUENCE} with every parameter spelled out.
     *
     * @param sequence the sequence
     * @return the statement, without the terminating semicolon
     */
    public static String create(Sequence sequence) {
        return "CREATE " + (sequence.unlogged() ? "UNLOGGED " : "") + "SEQUENCE " + qualified(sequence.name()) + " AS "
                + sequence.dataType() + " " + options(sequence);
    }

    /**
     * The parameters shared by {@code CREATE SEQUENCE} and an identity column's sequence options.
     *
     * @param sequence the sequence
     * @return {@code START WITH ... [NO] CYCLE}
     */
    public static String options(Sequence sequence) {
        return String.join(" ", parameters(sequence));
    }

    /**
     * The parameters of an identity column's sequence as {@code ALTER COLUMN} sets them.
     *
     * @param sequence the identity's sequence
     * @return for example {@code SET START WITH 1 SET INCREMENT BY 1 ... SET NO CYCLE}
     */
    public static String setOptions(Sequence sequence) {
        return "SET " + String.join(" SET ", parameters(sequence));
    }

    private static List<String> parameters(Sequence sequence) {
        return List.of("START WITH " + sequence.start(), "INCREMENT BY " + sequence.increment(),
                "MINVALUE " + sequence.minValue(), "MAXVALUE " + sequence.maxValue(), "CACHE " + sequence.cache(),
                sequence.cycle() ? "CYCLE" : "NO CYCLE");
    }

    /**
     * {@code ALTER SEQUENCE ... OWNED BY}, for a sequence a column owns (as {@code serial} creates).
     *
     * @param sequence a sequence whose {@link Sequence#ownedBy()} is set
     * @return the statement, without the terminating semicolon
     */
    public static String ownedBy(Sequence sequence) {
        return "ALTER SEQUENCE " + qualified(sequence.name()) + " OWNED BY "
                + qualified(sequence.ownedBy().table()) + "." + identifier(sequence.ownedBy().column());
    }

    /**
     * {@code setval} with the sequence's last value and whether it was called.
     *
     * @param sequence the sequence; its state must be known
     * @return the statement, without the terminating semicolon
     */
    public static String setValue(Sequence sequence) {
        return "SELECT pg_catalog.setval(" + literal(qualified(sequence.name())) + ", " + sequence.state().lastValue()
                + ", " + sequence.state().called() + ")";
    }
}
