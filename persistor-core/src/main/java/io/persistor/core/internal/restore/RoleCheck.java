package io.persistor.core.internal.restore;

import io.persistor.OnError;
import io.persistor.PersistorException;
import io.persistor.core.internal.script.RestoreNeed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the restoring role against what the script's header says its objects need, before anything runs: objects
 * the script guards are named as to be skipped; objects whose statements would fail stop the restore at once,
 * naming them (or are named as to fail, when failing statements are skipped).
 */
final class RoleCheck {

    private static final Logger LOG = LoggerFactory.getLogger(RoleCheck.class);

    private RoleCheck() {
    }

    static void check(Connection connection, List<RestoreNeed> needs, OnError onError, String source)
            throws SQLException {
        if (needs.isEmpty()) {
            return;
        }
        String role;
        boolean superuser;
        int versionNum;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_user, r.rolsuper, "
                     + "pg_catalog.current_setting('server_version_num')::integer FROM pg_catalog.pg_roles r "
                     + "WHERE r.rolname = current_user")) {
            row.next();
            role = row.getString(1);
            superuser = row.getBoolean(2);
            versionNum = row.getInt(3);
        }
        if (superuser) {
            return;
        }
        List<RestoreNeed> unmet = new ArrayList<>();
        for (RestoreNeed need : needs) {
            if (need.parameter() == null || versionNum < 150000 || !maySet(connection, need.parameter())) {
                unmet.add(need);
            }
        }
        for (RestoreNeed need : unmet) {
            if (need.skipped()) {
                LOG.warn("Restoring {} as {}: {} will be skipped: it needs {} ({})", source, role, need.object(),
                        need.requirement(), need.reason());
            }
        }
        List<RestoreNeed> failing = unmet.stream().filter(need -> !need.skipped()).toList();
        if (failing.isEmpty()) {
            return;
        }
        String list = failing.stream().map(need -> need.object() + " needs " + need.requirement() + " ("
                + need.reason() + ")").collect(Collectors.joining("; "));
        if (onError == OnError.STOP) {
            throw new PersistorException("Refusing to restore " + source + " as " + role + ": " + failing.size()
                    + (failing.size() == 1 ? " object" : " objects") + " would fail: " + list + ". Nothing was run. "
                    + "Restore as a superuser (or have one grant the parameters named), or skip what fails with "
                    + "Restore.onError(OnError.CONTINUE).");
        }
        LOG.warn("Restoring {} as {}: these statements will fail and be skipped: {}", source, role, list);
    }

    private static boolean maySet(Connection connection, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_catalog.has_parameter_privilege(?, 'SET')")) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
