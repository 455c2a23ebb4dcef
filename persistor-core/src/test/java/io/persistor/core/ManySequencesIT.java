package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.BackupResult;
import io.persistor.Persistor;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.Psql;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The states of many sequences are read a few hundred at a time; each one still comes back with its own last value
 * and whether it was called.
 */
class ManySequencesIT {

    @TempDir
    Path directory;

    @Test
    void everySequenceKeepsItsOwnState() {
        PostgresServer server = PostgresServers.defaultServer();
        TestDatabase source = server.createDatabase();
        TestDatabase target = server.createOwnedDatabase();
        try {
            // 1,201 sequences: three batches, the last of one; each called a different number of times, every
            // seventh never called, so last values and is_called differ from one to the next.
            source.execute("""
                    DO $$
                    BEGIN
                      FOR i IN 1..1201 LOOP
                        EXECUTE format('CREATE SEQUENCE s%s START %s', i, i);
                        IF i % 7 <> 0 THEN
                          PERFORM setval(format('s%s', i), i * 3, i % 2 = 0);
                        END IF;
                      END LOOP;
                    END $$""");

            BackupResult result = Persistor.backup(source.selectOnlyDataSource()).schema("public")
                    .to(directory.resolve("sequences.sql"));
            Psql.run(target, result.file());

            Fingerprint expected = source.fingerprint("public");
            assertThat(expected.lines()).filteredOn(line -> line.startsWith("sequence state ")).hasSize(1201);
            Fingerprint.assertSame(expected, target.fingerprint("public"));
        } finally {
            source.drop();
            target.drop();
        }
    }
}
