package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The test kit itself: the backup role can only read, and the fingerprint sees what differs. */
@ExtendWith(FreshDatabase.class)
class HarnessIT {

    @Test
    void theBackupRoleCanReadButNotWriteCreateOrUseTemporaryTables(TestDatabase database) throws SQLException {
        database.execute("CREATE TABLE public.t (id int)", "INSERT INTO public.t VALUES (1)");
        DataSource reader = database.selectOnlyDataSource();
        try (Connection connection = reader.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeQuery("SELECT count(*) FROM public.t")).isNotNull();
            assertThatThrownBy(() -> statement.execute("INSERT INTO public.t VALUES (2)"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE public.u (id int)"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("CREATE TEMP TABLE v (id int)"))
                    .hasMessageContaining("permission denied");
        }
        try (Connection connection = reader.getConnection(); Statement statement = connection.createStatement()) {
            var rolsuper = statement.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
            rolsuper.next();
            assertThat(rolsuper.getBoolean(1)).isFalse();
        }
    }

    @Test
    void theFingerprintSeesAChangedValueDefaultAndSequenceState(TestDatabase database) {
        database.execute("CREATE TABLE public.t (id serial, v text DEFAULT 'a')", "INSERT INTO public.t (v) VALUES ('x')");
        Fingerprint before = database.fingerprint("public");

        database.execute("UPDATE public.t SET v = 'y'");
        assertThatThrownBy(() -> Fingerprint.assertSame(before, database.fingerprint("public")))
                .hasMessageContaining("rows public.t 1 digest");
        database.execute("UPDATE public.t SET v = 'x'", "ALTER TABLE public.t ALTER v SET DEFAULT 'b'");
        assertThatThrownBy(() -> Fingerprint.assertSame(before, database.fingerprint("public")))
                .hasMessageContaining("column public.t.v");
        database.execute("ALTER TABLE public.t ALTER v SET DEFAULT 'a'", "SELECT nextval('public.t_id_seq')");
        assertThatThrownBy(() -> Fingerprint.assertSame(before, database.fingerprint("public")))
                .hasMessageContaining("sequence state public.t_id_seq");
    }

    @Test
    void theFingerprintOfAnUnchangedDatabaseIsStable(TestDatabase database) throws NoSuchAlgorithmException {
        database.execute("CREATE TABLE public.t (id int PRIMARY KEY, v jsonb)", "INSERT INTO public.t VALUES (1, '{}')");
        Fingerprint.assertSame(database.fingerprint("public"), database.fingerprint("public"));
        // One row: the digest is the MD5 of the MD5 of the row's text.
        assertThat(database.fingerprint("public").lines()).contains("rows public.t 1 digest " + md5(md5("(1,{})")));
    }

    private static String md5(String text) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
