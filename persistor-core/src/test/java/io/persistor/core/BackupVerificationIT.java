package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.BackupResult;
import io.persistor.BackupVerification;
import io.persistor.Format;
import io.persistor.Persistor;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every backup ends with a manifest (each table's rows, the script's SHA-256) that {@code Persistor.verify} checks
 * offline, naming what is wrong, and that {@code Persistor.restore} checks before it commits; plain, gzip or
 * Zstandard.
 */
@ExtendWith(FreshDatabase.class)
class BackupVerificationIT {

    private static final String SEED = """
            CREATE TABLE public.customer (id int PRIMARY KEY, name text);
            CREATE TABLE public.orders (id int PRIMARY KEY, customer int REFERENCES public.customer, note text);
            INSERT INTO public.customer SELECT g, 'customer ' || g FROM generate_series(1, 40) g;
            INSERT INTO public.orders SELECT g, 1 + g % 40, E'line one\\nline two' FROM generate_series(1, 300) g;
            CREATE TABLE public.empty (id int);
            CREATE TABLE public."two\\
            lines" (id int);
            INSERT INTO public."two\\
            lines" VALUES (1), (2);
            """;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    void anIntactBackupVerifiesWithEachTablesRows(Format format, TestDatabase source) throws Exception {
        source.execute(SEED);
        for (String name : List.of("plain.sql", "packed.sql.gz")) {
            BackupResult backup = Persistor.backup(source.selectOnlyDataSource()).format(format)
                    .to(directory.resolve(format + "-" + name));
            BackupVerification verification = Persistor.verify(backup.file());

            assertThat(verification.problems()).isEmpty();
            assertThat(verification.intact()).isTrue();
            assertThat(verification.rows()).containsEntry("public.customer", 40L).containsEntry("public.orders", 300L)
                    .containsEntry("public.empty", 0L).containsEntry("public.two\\\nlines", 2L);
        }
        String script = Files.readString(directory.resolve(format + "-plain.sql"));
        assertThat(script).contains("\n-- Manifest: 4 tables, 342 rows\n-- Rows of public.customer: 40\n")
                .contains("\n-- Rows of public.two\\\\\\nlines: 2\n")
                .containsPattern("\n-- SHA-256 of the script above: [0-9a-f]{64}\n-- Persistor backup complete\n$");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    void aZstandardBackupIsSmallerThanPlainAndRestoresAndVerifies(Format format, TestDatabase source) throws Exception {
        source.execute(SEED);
        Path plain = Persistor.backup(source.selectOnlyDataSource()).format(format)
                .to(directory.resolve(format + ".sql")).file();
        Path packed = Persistor.backup(source.selectOnlyDataSource()).format(format)
                .to(directory.resolve(format + ".sql.zst")).file();
        Path strong = Persistor.backup(source.selectOnlyDataSource()).format(format).zstd().compressionLevel(19)
                .to(directory.resolve(format + "-19.backup")).file();

        byte[] magic = Arrays.copyOf(Files.readAllBytes(packed), 4);
        assertThat(magic).containsExactly(0x28, 0xb5, 0x2f, 0xfd);
        assertThat(Files.size(packed)).isLessThan(Files.size(plain) / 3);
        assertThat(Files.size(strong)).isLessThanOrEqualTo(Files.size(packed));
        assertThat(Persistor.verify(packed).problems()).isEmpty();
        assertThat(Persistor.verify(strong).rows()).containsEntry("public.orders", 300L);
        TestDatabase target = source.server().createOwnedDatabase();
        try {
            Persistor.restore(target.ownerDataSource()).from(strong);
            Fingerprint.assertSame(source.fingerprint("public"), target.fingerprint("public"));
        } finally {
            target.drop();
        }
    }

    @Test
    void namesACutFileAFlippedByteAndATablesMissingRows(TestDatabase source) throws Exception {
        source.execute(SEED);
        Path file = Persistor.backup(source.selectOnlyDataSource()).format(Format.COPY).to(directory.resolve("b.sql"))
                .file();
        byte[] bytes = Files.readAllBytes(file);

        Path cut = Files.write(directory.resolve("cut.sql"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertThat(Persistor.verify(cut).problems()).anyMatch(p -> p.contains("closing marker"))
                .anyMatch(p -> p.contains("no manifest"));

        String text = new String(bytes, StandardCharsets.UTF_8);
        Path flipped = Files.writeString(directory.resolve("flipped.sql"),
                text.replace("customer 17\n", "customer 18\n"));
        assertThat(Persistor.verify(flipped).problems()).singleElement().asString()
                .contains("but its manifest says").contains("changed or corrupted after it was written");

        String withoutCustomers = Arrays.stream(text.split("\n", -1))
                .filter(line -> !line.matches("\\d+\tcustomer \\d+")).collect(Collectors.joining("\n"));
        BackupVerification removed = Persistor.verify(Files.writeString(directory.resolve("removed.sql"),
                withoutCustomers));
        assertThat(removed.problems()).contains("Table public.customer holds 0 rows, but the manifest counts 40.")
                .anyMatch(p -> p.contains("changed or corrupted"));
    }

    @ParameterizedTest(name = "{0} job(s), {1}")
    @CsvSource({"1, INSERTS, Nothing was committed.", "2, COPY, What the restore created was dropped again."})
    void aRestoreRefusesATamperedFileAndLeavesNothing(int jobs, Format format, String outcome, TestDatabase source)
            throws Exception {
        source.execute(SEED);
        Path file = Persistor.backup(source.selectOnlyDataSource()).format(format)
                .to(directory.resolve("b.sql")).file();
        String value = format == Format.INSERTS ? "'customer 17'" : "\tcustomer 17\n";
        Path tampered = Files.writeString(directory.resolve("tampered.sql"),
                Files.readString(file).replace(value, value.replace("17", "71")));
        TestDatabase target = source.server().createOwnedDatabase();
        try {
            assertThatThrownBy(() -> Persistor.restore(target.ownerDataSource()).jobs(jobs).from(tampered))
                    .hasMessageContaining("tampered.sql: its SHA-256 is")
                    .hasMessageContaining("changed or corrupted after it was written. " + outcome);
            assertThat(target.fingerprint("public").lines()).noneMatch(line -> line.startsWith("relation"));

            Persistor.restore(target.ownerDataSource()).jobs(jobs).from(file);
            assertThat(target.fingerprint("public").lines()).anyMatch(line -> line.startsWith("rows public.orders 300 "));
        } finally {
            target.drop();
        }
    }
}
