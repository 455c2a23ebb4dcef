package io.persistor.core.internal.diff;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.core.internal.ddl.CastDdl;
import io.persistor.core.internal.ddl.OperatorDdl;
import io.persistor.core.internal.ddl.SecurityDdl;
import io.persistor.core.internal.ddl.ViewDdl;
import io.persistor.model.Cast;
import io.persistor.model.Collation;
import io.persistor.model.CompositeType;
import io.persistor.model.Constraint;
import io.persistor.model.DomainType;
import io.persistor.model.EnumType;
import io.persistor.model.Extension;
import io.persistor.model.Index;
import io.persistor.model.Operator;
import io.persistor.model.Policy;
import io.persistor.model.QualifiedName;
import io.persistor.model.RangeType;
import io.persistor.model.Routine;
import io.persistor.model.Rule;
import io.persistor.model.Schema;
import io.persistor.model.Sequence;
import io.persistor.model.StatisticsObject;
import io.persistor.model.Table;
import io.persistor.model.TextSearchConfiguration;
import io.persistor.model.TextSearchDictionary;
import io.persistor.model.Trigger;
import io.persistor.model.View;

/**
 * The statement that drops one described object of the target, never with {@code CASCADE}: what depends on it is
 * dropped before it, by statements of its own.
 */
final class DropStatements {

    private DropStatements() {
    }

    /**
     * Drops an object or a member of a table.
     *
     * @param object the target's object
     * @return the statement, without the terminating semicolon
     */
    static String drop(Described object) {
        Object source = object.source();
        if (source instanceof CatalogDescriber.Member member) {
            return dropMember(member);
        } else if (source instanceof CatalogDescriber.ColumnOf column) {
            return "ALTER TABLE " + qualified(column.relation()) + " DROP COLUMN " + identifier(column.column().name());
        } else if (source instanceof Schema schema) {
            return "DROP SCHEMA " + identifier(schema.name());
        } else if (source instanceof Extension extension) {
            return "DROP EXTENSION " + identifier(extension.name());
        } else if (source instanceof Table table) {
            return "DROP TABLE " + qualified(table.name());
        } else if (source instanceof Sequence sequence) {
            return "DROP SEQUENCE " + qualified(sequence.name());
        } else if (source instanceof View view) {
            return "DROP " + ViewDdl.kind(view) + " " + qualified(view.name());
        } else if (source instanceof Routine routine) {
            return "DROP " + routine.kind().name() + " " + qualified(routine.name()) + "(" + routine.arguments() + ")";
        } else if (source instanceof Cast cast) {
            return "DROP CAST " + CastDdl.signature(cast);
        } else if (source instanceof Operator operator) {
            return "DROP OPERATOR " + OperatorDdl.signature(operator);
        } else if (source instanceof TextSearchDictionary dictionary) {
            return "DROP TEXT SEARCH DICTIONARY " + qualified(dictionary.name());
        } else if (source instanceof TextSearchConfiguration configuration) {
            return "DROP TEXT SEARCH CONFIGURATION " + qualified(configuration.name());
        } else if (source instanceof Collation collation) {
            return "DROP COLLATION " + qualified(collation.name());
        } else if (source instanceof DomainType domain) {
            return "DROP DOMAIN " + qualified(domain.name());
        } else if (source instanceof EnumType type) {
            return "DROP TYPE " + qualified(type.name());
        } else if (source instanceof CompositeType type) {
            return "DROP TYPE " + qualified(type.name());
        } else if (source instanceof RangeType type) {
            return "DROP TYPE " + qualified(type.name());
        }
        throw new IllegalArgumentException("No drop statement for " + object.key());
    }

    /**
     * Drops a member of a table or view; a partition's copy of its parent's trigger goes back to firing as the
     * parent's does instead.
     *
     * @param member the member
     * @return the statement, without the terminating semicolon
     */
    static String dropMember(CatalogDescriber.Member member) {
        Object object = member.member();
        String table = qualified(member.table());
        if (object instanceof Constraint constraint) {
            return "ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + identifier(constraint.name());
        } else if (object instanceof Index index) {
            return "DROP INDEX IF EXISTS " + qualified(new QualifiedName(member.table().schema(), index.name()));
        } else if (object instanceof Trigger trigger && trigger.inherited()) {
            return SecurityDdl.setFiring(member.table(), trigger, Trigger.Firing.ORIGIN);
        } else if (object instanceof Trigger trigger) {
            return "DROP TRIGGER IF EXISTS " + identifier(trigger.name()) + " ON " + table;
        } else if (object instanceof Rule rule) {
            return "DROP RULE IF EXISTS " + identifier(rule.name()) + " ON " + table;
        } else if (object instanceof Policy policy) {
            return "DROP POLICY IF EXISTS " + identifier(policy.name()) + " ON " + table;
        } else if (object instanceof StatisticsObject statistics) {
            return "DROP STATISTICS IF EXISTS " + qualified(statistics.name());
        }
        throw new IllegalArgumentException("No drop statement for " + object);
    }
}
