package io.persistor.core.internal.ddl;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.Policy;
import io.persistor.model.QualifiedName;
import io.persistor.model.ReplicaIdentity;
import io.persistor.model.Table;
import io.persistor.model.Trigger;
import java.util.ArrayList;
import java.util.List;

/**
 * What a table is set to after its rows and indexes are in: row-level security and its policies, triggers'
 * firing state, replica identity and clustering index.
 */
public final class SecurityDdl {

    private SecurityDdl() {
    }

    /**
     * Enables (and forces) row-level security as the source has it.
     *
     * @param table the table
     * @return the statements, without terminating semicolons; none if row-level security is off
     */
    public static List<String> rowSecurity(Table table) {
        List<String> statements = new ArrayList<>();
        if (table.rowSecurity()) {
            statements.add("ALTER TABLE ONLY " + qualified(table.name()) + " ENABLE ROW LEVEL SECURITY");
        }
        if (table.forceRowSecurity()) {
            statements.add("ALTER TABLE ONLY " + qualified(table.name()) + " FORCE ROW LEVEL SECURITY");
        }
        return statements;
    }

    /**
     * Restores the table's replica identity and clustering index, when the source set them.
     *
     * @param table the table
     * @return the statements, without terminating semicolons
     */
    public static List<String> replication(Table table) {
        List<String> statements = new ArrayList<>();
        ReplicaIdentity identity = table.replicaIdentity();
        if (identity != null) {
            statements.add("ALTER TABLE ONLY " + qualified(table.name()) + " REPLICA IDENTITY "
                    + ("INDEX".equals(identity.kind()) ? "USING INDEX " + identifier(identity.index()) : identity.kind()));
        }
        if (table.clusterOn() != null) {
            statements.add("ALTER TABLE ONLY " + qualified(table.name()) + " CLUSTER ON " + identifier(table.clusterOn()));
        }
        return statements;
    }

    /**
     * Creates a policy.
     *
     * @param table  the table
     * @param policy the policy
     * @return the statement, without the terminating semicolon
     */
    public static String createPolicy(QualifiedName table, Policy policy) {
        StringBuilder sql = new StringBuilder("CREATE POLICY ").append(identifier(policy.name())).append(" ON ")
                .append(qualified(table)).append(policy.permissive() ? " AS PERMISSIVE" : " AS RESTRICTIVE")
                .append(" FOR ").append(policy.command()).append(" TO ").append(String.join(", ", policy.roles()));
        if (policy.using() != null) {
            sql.append(" USING (").append(policy.using()).append(')');
        }
        if (policy.withCheck() != null) {
            sql.append(" WITH CHECK (").append(policy.withCheck()).append(')');
        }
        return sql.toString();
    }

    /**
     * Sets a trigger's firing state when it is not the default.
     *
     * @param table   the table or view
     * @param trigger the trigger
     * @return the statement without the terminating semicolon, or {@code null} for a trigger that fires normally
     */
    public static String firing(QualifiedName table, Trigger trigger) {
        return trigger.enabled() == Trigger.Firing.ORIGIN ? null : setFiring(table, trigger, trigger.enabled());
    }

    /**
     * Disables a trigger while a data-only script loads rows into tables that have their triggers; the table's
     * owner may do so.
     *
     * @param table   the table
     * @param trigger the trigger
     * @return the statement, without the terminating semicolon
     */
    public static String disable(QualifiedName table, Trigger trigger) {
        return setFiring(table, trigger, Trigger.Firing.DISABLED);
    }

    /**
     * Gives a trigger back the firing state it has in the source, after {@link #disable}.
     *
     * @param table   the table
     * @param trigger the trigger
     * @return the statement, without the terminating semicolon
     */
    public static String reenable(QualifiedName table, Trigger trigger) {
        return setFiring(table, trigger, trigger.enabled());
    }

    /**
     * Sets a trigger's firing state.
     *
     * @param table   the table or view
     * @param trigger the trigger
     * @param firing  the state
     * @return the statement, without the terminating semicolon
     */
    public static String setFiring(QualifiedName table, Trigger trigger, Trigger.Firing firing) {
        String action = switch (firing) {
            case DISABLED -> "DISABLE TRIGGER ";
            case REPLICA -> "ENABLE REPLICA TRIGGER ";
            case ALWAYS -> "ENABLE ALWAYS TRIGGER ";
            case ORIGIN -> "ENABLE TRIGGER ";
        };
        return "ALTER TABLE " + qualified(table) + " " + action + identifier(trigger.name());
    }
}
