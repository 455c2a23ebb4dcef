package io.persistor.core.internal.ddl;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.literal;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.BaseType;
import io.persistor.model.Collation;
import io.persistor.model.Column;
import io.persistor.model.CompositeType;
import io.persistor.model.Constraint;
import io.persistor.model.DomainType;
import io.persistor.model.EnumType;
import io.persistor.model.Extension;
import io.persistor.model.RangeType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code CREATE SCHEMA}, {@code CREATE EXTENSION}, {@code CREATE COLLATION}, {@code CREATE TYPE} and
 * {@code CREATE DOMAIN} statements.
 */
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
     * Creates an extension into its schema unless it is there, with its own comment if it has one. Trusted
     * extensions need only the database owner; one that needs a superuser is created in a {@code DO} block that,
     * run by another role, warns and goes on without it, so that what does not need it still restores.
     *
     * @param extension the extension
     * @return the statements, without terminating semicolons
     */
    public static List<String> createExtension(Extension extension) {
        String create = "CREATE EXTENSION IF NOT EXISTS " + identifier(extension.name()) + " WITH SCHEMA "
                + identifier(extension.schema());
        String comment = extension.comment() == null ? null
                : CommentDdl.onUnqualified("EXTENSION", extension.name(), extension.comment());
        if (!extension.needsSuperuser()) {
            return comment == null ? List.of(create) : List.of(create, comment);
        }
        // The body is a standard string literal, as routine bodies are: the script stays free of dollar quotes.
        return List.of("DO " + literal("BEGIN " + create + "; " + (comment == null ? "" : comment + "; ")
                + "EXCEPTION WHEN insufficient_privilege THEN RAISE WARNING '%', SQLERRM; END"));
    }

    /**
     * Creates a shell type, the name a base type's input and output functions need before the type is defined, with
     * its comment if it stays a shell; only a superuser may, so the statements are guarded ({@link SuperuserOnly}).
     *
     * @param type the base or shell type
     * @return the statement, without the terminating semicolon
     */
    public static String createShell(BaseType type) {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TYPE " + qualified(type.name()));
        if (type.shell() && type.comment() != null) {
            statements.add(CommentDdl.on("TYPE", type.name(), type.comment()));
        }
        return SuperuserOnly.guard("type " + type.name(), statements);
    }

    /**
     * Defines a base type over its shell, with its comment; only a superuser may, so the statements are guarded
     * ({@link SuperuserOnly}).
     *
     * @param type the base type, not a shell
     * @return the statement, without the terminating semicolon
     */
    public static String defineBase(BaseType type) {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TYPE " + qualified(type.name()) + " (" + type.properties() + ")");
        if (type.comment() != null) {
            statements.add(CommentDdl.on("TYPE", type.name(), type.comment()));
        }
        return SuperuserOnly.guard("type " + type.name(), statements);
    }

    /**
     * Creates a collation with its provider's settings.
     *
     * @param collation the collation
     * @return the statement, without the terminating semicolon
     */
    public static String createCollation(Collation collation) {
        List<String> options = new ArrayList<>();
        options.add("provider = " + collation.provider());
        if ("libc".equals(collation.provider())) {
            options.add("lc_collate = " + literal(collation.collate()));
            options.add("lc_ctype = " + literal(collation.ctype()));
        } else {
            options.add("locale = " + literal(collation.locale()));
        }
        if (collation.rules() != null) {
            options.add("rules = " + literal(collation.rules()));
        }
        if (!collation.deterministic()) {
            options.add("deterministic = false");
        }
        return "CREATE COLLATION " + qualified(collation.name()) + " (" + String.join(", ", options) + ")";
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

    /**
     * Creates a domain with its validated checks; checks added {@code NOT VALID} come later from
     * {@link #addDomainConstraint}.
     *
     * @param domain the domain
     * @return the statement, without the terminating semicolon
     */
    public static String createDomain(DomainType domain) {
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(qualified(domain.name())).append(" AS ")
                .append(domain.baseType());
        if (domain.collation() != null) {
            sql.append(" COLLATE ").append(domain.collation());
        }
        if (domain.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(domain.defaultExpression());
        }
        if (domain.notNullName() != null) {
            sql.append(" CONSTRAINT ").append(identifier(domain.notNullName())).append(" NOT NULL");
        } else if (domain.notNull()) {
            sql.append(" NOT NULL");
        }
        for (Constraint constraint : domain.constraints()) {
            if (constraint.validated()) {
                sql.append(" CONSTRAINT ").append(identifier(constraint.name())).append(' ')
                        .append(constraint.definition());
            }
        }
        return sql.toString();
    }

    /**
     * Adds a domain check that was added {@code NOT VALID}, after the data.
     *
     * @param domain     the domain
     * @param constraint the check
     * @return the statement, without the terminating semicolon
     */
    public static String addDomainConstraint(DomainType domain, Constraint constraint) {
        return "ALTER DOMAIN " + qualified(domain.name()) + " ADD CONSTRAINT " + identifier(constraint.name()) + " "
                + constraint.definition();
    }

    /**
     * Creates a composite type.
     *
     * @param type the type
     * @return the statement, without the terminating semicolon
     */
    public static String createComposite(CompositeType type) {
        List<String> attributes = new ArrayList<>();
        for (Column attribute : type.attributes()) {
            attributes.add(identifier(attribute.name()) + " " + attribute.type()
                    + (attribute.collation() == null ? "" : " COLLATE " + attribute.collation()));
        }
        return "CREATE TYPE " + qualified(type.name()) + " AS (" + String.join(", ", attributes) + ")";
    }

    /**
     * Creates a range type, naming its multirange type where the server has one.
     *
     * @param type the type
     * @return the statement, without the terminating semicolon
     */
    public static String createRange(RangeType type) {
        List<String> options = new ArrayList<>();
        options.add("SUBTYPE = " + type.subtype());
        if (type.subtypeOpclass() != null) {
            options.add("SUBTYPE_OPCLASS = " + type.subtypeOpclass());
        }
        if (type.collation() != null) {
            options.add("COLLATION = " + type.collation());
        }
        if (type.canonical() != null) {
            options.add("CANONICAL = " + type.canonical());
        }
        if (type.subtypeDiff() != null) {
            options.add("SUBTYPE_DIFF = " + type.subtypeDiff());
        }
        if (type.multirangeName() != null) {
            options.add("MULTIRANGE_TYPE_NAME = " + qualified(type.multirangeName()));
        }
        return "CREATE TYPE " + qualified(type.name()) + " AS RANGE (" + String.join(", ", options) + ")";
    }
}
