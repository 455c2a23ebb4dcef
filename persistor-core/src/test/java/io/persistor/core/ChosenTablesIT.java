package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.BackupResult;
import io.persistor.Persistor;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.Psql;
import io.persistor.testkit.SqlScripts;
import io.persistor.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code tables(...)} backs up just those tables, with the sequences they own or use. */
@ExtendWith(FreshDatabase.class)
class ChosenTablesIT {

    @Test
    void backsUpOnlyTheNamedTablesAndTheSequencesTheyNeed(TestDatabase source, @TempDir Path directory) throws Exception {
        source.execute(SqlScripts.load(getClass(), "foundation-schema.sql"));
        BackupResult result = Persistor.backup(source.selectOnlyDataSource())
                .schema("public")
                .tables("orders", "customer", "self_ref")
                .to(directory.resolve("chosen.sql"));
        TestDatabase target = source.server().createOwnedDatabase();
        try {
            Psql.run(target, result.file());

            // The source, reduced by hand to what was asked for, must equal the restored database.
            source.execute("DROP TABLE public.order_item, public.product, public.by_default, public.empty_table, "
                    + "public.no_columns, public.\"Weird \"\"Name\"\" ; DROP TABLE x; --\", public.many_rows, "
                    + "public.checked_later, public.dropped_holes",
                    "DROP SEQUENCE public.uncalled_seq, public.descending_seq");
            Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
            assertThat(result.tables()).isEqualTo(3);
        } finally {
            target.drop();
        }
    }

    @Test
    void leavesOutForeignKeysToTablesOutsideTheBackupAndSaysSo(TestDatabase source, @TempDir Path directory)
            throws Exception {
        source.execute(SqlScripts.load(getClass(), "foundation-schema.sql"));
        BackupResult result = Persistor.backup(source.selectOnlyDataSource())
                .tables("order_item")
                .to(directory.resolve("items.sql"));
        TestDatabase target = source.server().createOwnedDatabase();
        try {
            Psql.run(target, result.file());

            String script = Files.readString(result.file(), StandardCharsets.UTF_8);
            assertThat(script).contains("-- Note: Foreign key order_item_order_id_fkey on public.order_item is left out: "
                    + "it references public.orders, which is not in this backup.");
            source.execute("ALTER TABLE public.order_item DROP CONSTRAINT order_item_order_id_fkey, "
                    + "DROP CONSTRAINT order_item_product_sku_fkey");
            assertThat(target.fingerprint("public").lines())
                    .containsAll(source.fingerprint("public").lines().stream()
                            .filter(line -> line.contains("order_item")).toList());
        } finally {
            target.drop();
        }
    }
}
