package io.persistor.core.internal.backup;

import io.persistor.core.internal.script.RestoreNeed;
import io.persistor.core.internal.script.SqlQuote;
import io.persistor.core.internal.ddl.CastDdl;
import io.persistor.model.Cast;
import io.persistor.model.Catalog;
import io.persistor.model.DefinedObject;
import io.persistor.model.Extension;
import io.persistor.model.ObjectKey;
import io.persistor.model.QualifiedName;
import io.persistor.model.Routine;
import io.persistor.model.Schema;
import io.persistor.model.Table;
import io.persistor.model.View;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds, at backup time, the objects of a backup whose restore needs more than a database owner's rights (see
 * {@code restore-needs.sql}), so that the header and the notes say so before anyone restores.
 */
final class RestoreNeeds {

    private RestoreNeeds() {
    }

    /**
     * The needs of the objects a backup writes.
     *
     * @param connection the backup's connection
     * @param catalog    the objects kept
     * @return the needs: routines and types, then binary-coercible casts, objects kept by their definitions and
     *         extensions
     * @throws SQLException when the catalog cannot be read
     */
    static List<RestoreNeed> of(Connection connection, Catalog catalog) throws SQLException {
        Set<ObjectKey> routines = catalog.routines().stream().map(Routine::key).collect(Collectors.toSet());
        List<RestoreNeed> needs = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(query())) {
            statement.setArray(1, connection.createArrayOf("text",
                    catalog.schemas().stream().map(Schema::name).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String schema = rows.getString("routine_schema");
                    if (schema == null || routines.contains(new ObjectKey(ObjectKey.Kind.ROUTINE,
                            new QualifiedName(schema, rows.getString("routine_name")),
                            rows.getString("routine_arguments")))) {
                        needs.add(new RestoreNeed(rows.getString("object"), rows.getString("reason"),
                                rows.getString("parameter"), rows.getBoolean("skipped")));
                    }
                }
            }
        }
        for (Cast cast : catalog.casts()) {
            if (cast.binaryCoercible()) {
                needs.add(new RestoreNeed("cast " + CastDdl.signature(cast), "only a superuser may create a "
                        + "binary-coercible cast", null, true));
            }
        }
        Set<String> accessMethods = accessMethodsUsed(catalog);
        boolean transformsUsed = catalog.routines().stream()
                .anyMatch(routine -> routine.definition().contains(" TRANSFORM FOR TYPE "));
        for (DefinedObject object : catalog.definitions()) {
            if (object.superuserOnly()) {
                // What is created USING a missing access method, or declared with a missing transform, fails.
                String users = switch (object.kind()) {
                    case "access method" -> accessMethods.contains(object.name()) ? "the tables using it" : null;
                    case "transform" -> transformsUsed ? "the routines declared with it" : null;
                    case "text search template" -> catalog.dictionaries().stream()
                            .anyMatch(d -> d.template().equals(object.name())) ? "the dictionaries using it" : null;
                    case "text search parser" -> catalog.configurations().stream()
                            .anyMatch(c -> c.parser().equals(object.name())) ? "the configurations using it" : null;
                    default -> null;
                };
                String reason = object.kind().equals("foreign table")
                        ? "it needs its server, which only a superuser may create, and USAGE on it"
                        : "only a superuser may create it";
                needs.add(new RestoreNeed(object.toString(), reason
                        + (users == null ? "" : ", and " + users + " need it"), null, users == null));
            }
        }
        for (Extension extension : catalog.extensions()) {
            if (extension.needsSuperuser()) {
                needs.add(new RestoreNeed("extension " + extension.name(), "only a superuser may create it", null,
                        true));
            }
        }
        return needs;
    }

    private static Set<String> accessMethodsUsed(Catalog catalog) {
        return Stream.concat(catalog.tables().stream().map(Table::accessMethod),
                        catalog.views().stream().map(View::accessMethod))
                .filter(Objects::nonNull)
                // as quote_ident names them in the definitions: bare when it may, quoted otherwise
                .flatMap(name -> Stream.of(name, SqlQuote.identifier(name))).collect(Collectors.toSet());
    }

    private static String query() {
        try (InputStream in = RestoreNeeds.class.getResourceAsStream("restore-needs.sql")) {
            if (in == null) {
                throw new IllegalStateException("restore-needs.sql is missing from persistor-core");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
