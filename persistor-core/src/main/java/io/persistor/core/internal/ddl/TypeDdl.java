package io.persistor.core.internal.ddl;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.literal;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.EnumType;
import java.util.stream.Collectors;

/** {@code CREATE SCHEMA} and {@code CREATE TYPE} statements. */
public final class TypeDdl {

    private TypeDdl() {
    }

    /**
     * Creates a schema unless it exists, so that a database's {@code public} schema is reused.
     *
     * @param schema the schema's name
     * @return the statement, without the terminating semicolon
     */
    public static String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + identifier(schema);
    }

    /**
     * Creates an enum type with its labels in sort order.
     *
     * @param type the enum
     * @return the statement, without the terminating semicolon
     */
    public static String createEnum(EnumType type) {
        return "CREATE TYPE " + qualified(type.name()) + " AS ENUM ("
                + type.labels().stream().map(l -> literal(l)).collect(Collectors.joining(", ")) + ")";
    }
}
