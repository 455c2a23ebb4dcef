package io.persistor.core.internal.catalog;

import io.persistor.model.Privileges;
import io.persistor.model.QualifiedName;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads owners and access privileges, folding one row per grant into one {@link Privileges} per object and keeping
 * the grants in the order of the object's ACL, so that granting them in turn rebuilds the same ACL.
 */
final class PrivilegeRows {

    private PrivilegeRows() {
    }

    static List<Privileges> privileges(CatalogQueries queries) throws SQLException {
        Map<List<String>, Builder> objects = new LinkedHashMap<>();
        Map<QualifiedName, Builder> relations = new LinkedHashMap<>();
        queries.list("privileges.sql", row -> {
            String kind = row.getString("kind");
            QualifiedName name = new QualifiedName(row.getString("schema_name"), row.getString("object_name"));
            String grantee = row.getString("grantee");
            Privileges.Grant grant = grantee == null ? null : new Privileges.Grant(grantee,
                    row.getString("privilege_type"), row.getString("column_name"), row.getBoolean("is_grantable"));
            if ("COLUMN".equals(kind)) {
                Builder relation = relations.get(name);
                if (relation != null && grant != null) {
                    relation.columnGrants.add(grant);
                }
                return name;
            }
            String arguments = row.getString("arguments");
            String owner = row.getString("owner");
            Builder builder = objects.computeIfAbsent(List.of(kind, name.schema(), name.name(), arguments),
                    k -> new Builder(kind, name, arguments, owner));
            if (kind.endsWith("TABLE") || kind.endsWith("VIEW")) {
                relations.put(name, builder);
            }
            if (!row.getBoolean("default_acl")) {
                if (builder.grants == null) {
                    builder.grants = new ArrayList<>();
                }
                if (grant != null) {
                    builder.grants.add(grant);
                }
            }
            return name;
        });
        List<Privileges> result = new ArrayList<>();
        for (Builder builder : objects.values()) {
            result.add(new Privileges(builder.kind, builder.name, builder.arguments, builder.owner, builder.grants,
                    builder.columnGrants));
        }
        return result;
    }

    /** Gathers one object's rows. */
    private static final class Builder {
        final String kind;
        final QualifiedName name;
        final String arguments;
        final String owner;
        List<Privileges.Grant> grants;
        final List<Privileges.Grant> columnGrants = new ArrayList<>();

        Builder(String kind, QualifiedName name, String arguments, String owner) {
            this.kind = kind;
            this.name = name;
            this.arguments = arguments;
            this.owner = owner;
        }
    }
}
