package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.BackupResult;
import io.persistor.Persistor;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.JdbcScript;
import io.persistor.testkit.SqlScripts;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The INSERT script runs through plain JDBC, one statement at a time, without psql. */
@ExtendWith(FreshDatabase.class)
class PlainJdbcRestoreIT {

    @Test
    void restoresStatementByStatementThroughJdbcAsANonSuperuserOwner(TestDatabase source, @TempDir Path directory) {
        source.execute(SqlScripts.load(getClass(), "foundation-schema.sql"));
        BackupResult result = Persistor.backup(source.selectOnlyDataSource()).rowsPerInsert(100)
                .to(directory.resolve("plain.sql"));

        TestDatabase target = source.server().createOwnedDatabase();
        try {
            int statements = JdbcScript.execute(target.ownerDataSource(), result.file());

            assertThat(statements).isGreaterThan(13);
            Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
        } finally {
            target.drop();
        }
    }
}
