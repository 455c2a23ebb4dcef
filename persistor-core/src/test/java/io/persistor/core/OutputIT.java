package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.BackupResult;
import io.persistor.Persistor;
import io.persistor.PersistorException;
import io.persistor.ProgressListener;
import io.persistor.spi.OutputSink;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.Psql;
import io.persistor.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Where the script goes: gzip files, streams and custom sinks, and what a progress listener hears. */
@ExtendWith(FreshDatabase.class)
class OutputIT {

    @TempDir
    Path directory;

    @Test
    void compressesFilesNamedGzAndTheyRestore(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.t (id int PRIMARY KEY, v text)",
                "INSERT INTO public.t SELECT g, repeat('x', 100) FROM generate_series(1, 2000) g");
        DataSource reader = source.selectOnlyDataSource();
        BackupResult gz = Persistor.backup(reader).to(directory.resolve("t.sql.gz"));
        BackupResult plain = Persistor.backup(reader).to(directory.resolve("t.sql"));

        assertThat(gz.bytes()).isEqualTo(Files.size(gz.file())).isLessThan(plain.bytes() / 5);
        Path unpacked = directory.resolve("unpacked.sql");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz.file()))) {
            Files.copy(in, unpacked);
        }
        assertThat(Files.readString(unpacked, StandardCharsets.UTF_8)).endsWith("-- Persistor backup complete\n");
        Psql.assertRestoresAsSource(source, unpacked, "public");
    }

    @Test
    void writesToACallersStreamWithoutClosingIt(TestDatabase source) {
        source.execute("CREATE TABLE public.t (id int)", "INSERT INTO public.t VALUES (1)");
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        BackupResult result = Persistor.backup(source.selectOnlyDataSource()).to(bytes);

        assertThat(result.file()).isNull();
        assertThat(result.bytes()).isEqualTo(bytes.size());
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("INSERT INTO \"public\".\"t\"")
                .endsWith("-- Persistor backup complete\n");
        assertThat(closed[0]).isFalse();
    }

    @Test
    void tellsASinkToCommitWhenCompleteAndToAbortOnFailure(TestDatabase source) {
        source.execute("CREATE TABLE public.t (id int)");
        DataSource reader = source.selectOnlyDataSource();
        RecordingSink good = new RecordingSink();
        Persistor.backup(reader).to(good);
        assertThat(good.events).containsExactly("open", "commit");

        RecordingSink bad = new RecordingSink();
        assertThatThrownBy(() -> Persistor.backup(reader).tables("missing").to(bad))
                .isInstanceOf(PersistorException.class);
        assertThat(bad.events).containsExactly("open", "abort");
    }

    @Test
    void tellsTheListenerAboutEveryTableWithItsRowsAndBytes(TestDatabase source) {
        source.execute("CREATE TABLE public.a (id int)", "CREATE TABLE public.b (id int)",
                "INSERT INTO public.a SELECT generate_series(1, 3)", "ANALYZE public.a");
        List<String> heard = new CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void tableStarted(String table, long estimatedRows) {
                heard.add("start " + table + " ~" + estimatedRows);
            }

            @Override
            public void tableFinished(String table, long rows, long bytes) {
                heard.add("finish " + table + " " + rows + (bytes > 0 ? " bytes" : " empty"));
            }
        };
        Persistor.backup(source.selectOnlyDataSource()).progressListener(listener).to(new ByteArrayOutputStream());

        assertThat(heard).containsExactly("start public.a ~3", "finish public.a 3 bytes",
                "start public.b ~-1", "finish public.b 0 empty");
    }

    /** Remembers what the backup told it. */
    private static final class RecordingSink implements OutputSink {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public OutputStream open() {
            events.add("open");
            return OutputStream.nullOutputStream();
        }

        @Override
        public void commit() throws IOException {
            events.add("commit");
        }

        @Override
        public void abort() {
            events.add("abort");
        }
    }
}
