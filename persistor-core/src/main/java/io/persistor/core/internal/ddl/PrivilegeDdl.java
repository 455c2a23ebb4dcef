package io.persistor.core.internal.ddl;

import static io.persistor.core.internal.script.SqlQuote.identifier;
import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.Privileges;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ALTER ... OWNER TO}, {@code REVOKE} and {@code GRANT} statements that give an object the owner and access
 * privileges it has in the source. Only written when the backup asks for them: restoring them needs a role that
 * may act as every owner (usually a superuser), and the roles must exist in the target cluster.
 */
public final class PrivilegeDdl {

    private PrivilegeDdl() {
    }

    /**
     * The statements for one object: its owner, then (if its privileges are not the defaults) the revocation of
     * the defaults and each grant, then its column grants.
     *
     * @param privileges the object's owner and grants
     * @return the statements, without terminating semicolons
     */
    public static List<String> statements(Privileges privileges) {
        String target = target(privileges);
        String grantTarget = grantKind(privileges.kind()) + " " + name(privileges);
        List<String> statements = new ArrayList<>();
        statements.add("ALTER " + target + " OWNER TO " + identifier(privileges.owner()));
        if (privileges.grants() != null) {
            statements.add("REVOKE ALL ON " + grantTarget + " FROM PUBLIC");
            statements.add("REVOKE ALL ON " + grantTarget + " FROM " + identifier(privileges.owner()));
            for (Privileges.Grant grant : privileges.grants()) {
                statements.add(grant(grant.privilege(), grantTarget, grant));
            }
        }
        for (Privileges.Grant grant : privileges.columnGrants()) {
            statements.add(grant(grant.privilege() + " (" + identifier(grant.column()) + ")", grantTarget, grant));
        }
        return statements;
    }

    private static String grant(String privilege, String target, Privileges.Grant grant) {
        return "GRANT " + privilege + " ON " + target + " TO "
                + ("PUBLIC".equals(grant.grantee()) ? "PUBLIC" : identifier(grant.grantee()))
                + (grant.grantable() ? " WITH GRANT OPTION" : "");
    }

    private static String target(Privileges privileges) {
        return privileges.kind() + " " + name(privileges);
    }

    private static String name(Privileges privileges) {
        switch (privileges.kind()) {
            case "SCHEMA":
                return identifier(privileges.name().name());
            case "LARGE OBJECT":
                return privileges.name().name();
            case "FUNCTION":
            case "PROCEDURE":
            case "AGGREGATE":
                String arguments = privileges.kind().equals("AGGREGATE") && privileges.arguments().isEmpty()
                        ? "*" : privileges.arguments();
                return qualified(privileges.name()) + "(" + arguments + ")";
            default:
                return qualified(privileges.name());
        }
    }

    private static String grantKind(String kind) {
        switch (kind) {
            case "VIEW":
            case "MATERIALIZED VIEW":
            case "FOREIGN TABLE":
                return "TABLE";
            case "AGGREGATE":
                return "FUNCTION";
            default:
                return kind;
        }
    }
}
