package io.persistor.core.internal.ddl;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.literal;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.QualifiedName;
import io.persistor.model.Cast;
import io.persistor.model.Operator;
import io.persistor.model.Routine;

/** {@code COMMENT ON} statements, one per kind of object; a {@code null} comment removes the comment. */
public final class CommentDdl {

    private CommentDdl() {
    }

    /**
     * A comment on an object named by a schema-qualified name.
     *
     * @param kind    the SQL keyword(s) of the object's kind, such as {@code TABLE} or {@code MATERIALIZED VIEW}
     * @param name    its name
     * @param comment the comment
     * @return the statement, without the terminating semicolon
     */
    public static String on(String kind, QualifiedName name, String comment) {
        return "COMMENT ON " + kind + " " + qualified(name) + " IS " + text(comment);
    }

    /**
     * A comment on a large object.
     *
     * @param oid     its OID
     * @param comment the comment
     * @return the statement, without the terminating semicolon
     */
    public static String onLargeObject(long oid, String comment) {
        return "COMMENT ON LARGE OBJECT " + oid + " IS " + text(comment);
    }

    /**
     * A comment on an object whose name is not schema-qualified: a schema or an extension.
     *
     * @param kind    {@code SCHEMA} or {@code EXTENSION}
     * @param name    its name
     * @param comment the comment
     * @return the statement, without the terminating semicolon
     */
    public static String onUnqualified(String kind, String name, String comment) {
        return "COMMENT ON " + kind + " " + identifier(name) + " IS " + text(comment);
    }

    /**
     * A comment on a column of a table, view or composite type.
     *
     * @param relation the table, view or type
     * @param column   the column
     * @param comment  the comment
     * @return the statement, without the terminating semicolon
     */
    public static String onColumn(QualifiedName relation, String column, String comment) {
        return "COMMENT ON COLUMN " + qualified(relation) + "." + identifier(column) + " IS " + text(comment);
    }

    /**
     * A comment on an object that lives on a table: a constraint, trigger, rule or policy.
     *
     * @param kind    {@code CONSTRAINT}, {@code TRIGGER}, {@code RULE} or {@code POLICY}
     * @param name    the object's name
     * @param table   the table (for a domain constraint, {@code DOMAIN} and the domain's name)
     * @param comment the comment
     * @return the statement, without the terminating semicolon
     */
    public static String onMember(String kind, String name, String table, String comment) {
        return "COMMENT ON " + kind + " " + identifier(name) + " ON " + table + " IS " + text(comment);
    }

    /**
     * A comment on a function, procedure or aggregate.
     *
     * @param routine the routine
     * @return the statement, without the terminating semicolon
     */
    public static String onRoutine(Routine routine) {
        String arguments = routine.kind() == Routine.Kind.AGGREGATE && routine.arguments().isEmpty()
                ? "*" : routine.arguments();
        return "COMMENT ON " + routine.kind().name() + " " + qualified(routine.name()) + "(" + arguments + ") IS "
                + text(routine.comment());
    }

    /**
     * A comment on an operator.
     *
     * @param operator the operator
     * @param comment  the comment, or {@code null} to remove it
     * @return the statement, without the terminating semicolon
     */
    public static String onOperator(Operator operator, String comment) {
        return "COMMENT ON OPERATOR " + OperatorDdl.signature(operator) + " IS " + text(comment);
    }

    /**
     * A comment on a cast.
     *
     * @param cast    the cast
     * @param comment the comment, or {@code null} to remove it
     * @return the statement, without the terminating semicolon
     */
    public static String onCast(Cast cast, String comment) {
        return "COMMENT ON CAST " + CastDdl.signature(cast) + " IS " + text(comment);
    }

    private static String text(String comment) {
        return comment == null ? "NULL" : literal(comment);
    }
}
