package io.persistor.model;

/**
 * A user-defined operator.
 *
 * @param name       its schema and symbol
 * @param leftType   its left operand's type as {@code format_type} renders it, or {@code null} for a prefix operator
 * @param rightType  its right operand's type
 * @param function   the function that implements it, qualified where the name alone would not find it
 * @param commutator its commutator as {@code OPERATOR(schema.symbol)}, or {@code null}
 * @param negator    its negator as {@code OPERATOR(schema.symbol)}, or {@code null}
 * @param restrict   its restriction selectivity estimator, or {@code null}
 * @param join       its join selectivity estimator, or {@code null}
 * @param hashes     whether it can be used in hash joins
 * @param merges     whether it can be used in merge joins
 * @param comment    its comment, or {@code null}
 */
public record Operator(QualifiedName name, String leftType, String rightType, String function, String commutator,
                       String negator, String restrict, String join, boolean hashes, boolean merges, String comment) {

    /** @return the key other objects' dependencies name it by */
    public ObjectKey key() {
        return new ObjectKey(ObjectKey.Kind.OPERATOR, name, arguments());
    }

    /** @return its operand types as {@code DROP OPERATOR} and {@code COMMENT ON OPERATOR} take them */
    public String arguments() {
        return (leftType == null ? "NONE" : leftType) + ", " + rightType;
    }
}
