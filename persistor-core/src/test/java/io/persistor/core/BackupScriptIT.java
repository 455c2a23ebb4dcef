package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.BackupResult;
import io.persistor.Persistor;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.SqlScripts;
import io.persistor.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The layout of the file: header, sections in pg_dump's order, closing marker, and nothing else in the folder. */
@ExtendWith(FreshDatabase.class)
class BackupScriptIT {

    @TempDir
    Path directory;

    @Test
    void writesAHeaderThatNamesSourceVersionTimeAndOptions(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.t (id int PRIMARY KEY)");
        BackupResult result = Persistor.backup(source.selectOnlyDataSource()).rowsPerInsert(7)
                .to(directory.resolve("header.sql"));

        List<String> lines = Files.readAllLines(result.file(), StandardCharsets.UTF_8);
        assertThat(lines).contains("-- Persistor backup", "-- Persistor: " + Persistor.version(),
                "-- Options: schemas [public], tables all, format inserts, rows per insert 7");
        assertThat(lines).anyMatch(line -> line.matches("-- Source: PostgreSQL \\d+\\.\\d+.*, database " + source.name()));
        assertThat(lines).anyMatch(line -> line.matches("-- Taken: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("-- Persistor backup complete");
    }

    @Test
    void ordersSectionsSoKeysComeAfterTheRows(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.parent (id int PRIMARY KEY)",
                "CREATE TABLE public.child (id int REFERENCES public.parent, note text)",
                "CREATE INDEX child_note ON public.child (note)",
                "INSERT INTO public.parent VALUES (1)", "INSERT INTO public.child VALUES (1, 'x')");
        String script = Files.readString(Persistor.backup(source.selectOnlyDataSource())
                .to(directory.resolve("order.sql")).file(), StandardCharsets.UTF_8);

        int createTable = script.indexOf("CREATE TABLE \"public\".\"child\"");
        int insert = script.indexOf("INSERT INTO \"public\".\"child\"");
        int primaryKey = script.indexOf("ADD CONSTRAINT \"parent_pkey\" PRIMARY KEY");
        int index = script.indexOf("CREATE INDEX child_note");
        int foreignKey = script.indexOf("ADD CONSTRAINT \"child_id_fkey\" FOREIGN KEY");
        assertThat(List.of(createTable, insert, primaryKey, index, foreignKey)).doesNotContain(-1).isSorted();
    }

    @Test
    void endsEveryStatementWithASemicolonAtTheEndOfALine(TestDatabase source) throws Exception {
        source.execute(SqlScripts.load(getClass(), "foundation-schema.sql"));
        String script = Files.readString(Persistor.backup(source.selectOnlyDataSource())
                .to(directory.resolve("lines.sql")).file(), StandardCharsets.UTF_8);

        assertThat(script.lines()).noneMatch(line -> line.startsWith("\\")).noneMatch(line -> line.startsWith("COPY "));
        assertThat(script.lines().filter(line -> line.startsWith("INSERT INTO") || line.startsWith("CREATE ")))
                .isNotEmpty();
        assertThat(script).containsPattern(";\n\n-- Manifest: \\d+ tables, \\d+ rows\n")
                .containsPattern("\n-- SHA-256 of the script above: [0-9a-f]{64}\n-- Persistor backup complete\n$");
    }

    @Test
    void twoBackupsOfAnUnchangedDatabaseDifferOnlyInTheirTimestampAndDigest(TestDatabase source) throws Exception {
        source.execute(SqlScripts.load(getClass(), "foundation-schema.sql"));
        DataSource reader = source.selectOnlyDataSource();
        Path first = Persistor.backup(reader).to(directory.resolve("first.sql")).file();
        Path second = Persistor.backup(reader).to(directory.resolve("second.sql")).file();

        assertThat(withoutTimestamp(second)).isEqualTo(withoutTimestamp(first));
    }

    @Test
    void reproducibleBackupsOfAnUnchangedDatabaseAreTheSameBytes(TestDatabase source) throws Exception {
        source.execute(SqlScripts.load(getClass(), "foundation-schema.sql"));
        DataSource reader = source.selectOnlyDataSource();
        Path first = Persistor.backup(reader).reproducible().to(directory.resolve("first.sql")).file();
        Thread.sleep(1100); // into another second, which a timestamp would show
        Path second = Persistor.backup(reader).reproducible().to(directory.resolve("second.sql")).file();

        assertThat(Files.readString(first)).doesNotContain("-- Taken: ").isEqualTo(Files.readString(second));
    }

    @Test
    void leavesOnlyThePublishedFileInTheDirectory(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.t (id int)");
        Persistor.backup(source.selectOnlyDataSource()).to(directory.resolve("only.sql"));

        try (var files = Files.list(directory)) {
            assertThat(files.map(f -> f.getFileName().toString()).collect(Collectors.toList()))
                    .containsExactly("only.sql");
        }
    }

    private static List<String> withoutTimestamp(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("-- Taken: ") && !line.startsWith("-- SHA-256 of the script above: "))
                .collect(Collectors.toList());
    }
}
