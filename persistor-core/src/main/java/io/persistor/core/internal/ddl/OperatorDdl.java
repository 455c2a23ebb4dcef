package io.persistor.core.internal.ddl;

import static io.persistor.core.internal.script.SqlQuote.identifier;

import io.persistor.model.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CREATE OPERATOR}. An operator's symbol is not an identifier: only its schema is quoted. A commutator or
 * negator that does not exist yet is created as a shell, which its own {@code CREATE OPERATOR} fills in later.
 */
public final class OperatorDdl {

    private OperatorDdl() {
    }

    /**
     * The operator's name as statements take it: {@code "schema".symbol}.
     *
     * @param operator the operator
     * @return the name
     */
    public static String name(Operator operator) {
        return identifier(operator.name().schema()) + "." + operator.name().name();
    }

    /**
     * The operator's name with its operand types, as {@code DROP OPERATOR} and {@code COMMENT ON OPERATOR} take it.
     *
     * @param operator the operator
     * @return the name and operand types
     */
    public static String signature(Operator operator) {
        return name(operator) + " (" + operator.arguments() + ")";
    }

    /**
     * Creates an operator.
     *
     * @param operator the operator
     * @return the statement, without the terminating semicolon
     */
    public static String create(Operator operator) {
        List<String> parts = new ArrayList<>();
        parts.add("FUNCTION = " + operator.function());
        if (operator.leftType() != null) {
            parts.add("LEFTARG = " + operator.leftType());
        }
        parts.add("RIGHTARG = " + operator.rightType());
        if (operator.commutator() != null) {
            parts.add("COMMUTATOR = " + operator.commutator());
        }
        if (operator.negator() != null) {
            parts.add("NEGATOR = " + operator.negator());
        }
        if (operator.restrict() != null) {
            parts.add("RESTRICT = " + operator.restrict());
        }
        if (operator.join() != null) {
            parts.add("JOIN = " + operator.join());
        }
        if (operator.hashes()) {
            parts.add("HASHES");
        }
        if (operator.merges()) {
            parts.add("MERGES");
        }
        return "CREATE OPERATOR " + name(operator) + " (" + String.join(", ", parts) + ")";
    }
}
