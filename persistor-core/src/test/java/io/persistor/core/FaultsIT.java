package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.Persistor;
import io.persistor.PersistorException;
import io.persistor.spi.OutputSink;
import io.persistor.spi.TypeRenderer;
import io.persistor.testkit.FreshDatabase;
import io.persistor.testkit.TestDatabase;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Faults midway: the backup fails with a clear error, publishes nothing and leaves no session behind. */
@ExtendWith(FreshDatabase.class)
class FaultsIT {

    @TempDir
    Path directory;

    private TestDatabase database;

    @AfterEach
    void noFileAndNoSessionIsLeft() throws Exception {
        try (var files = Files.list(directory)) {
            assertThat(files.map(f -> f.getFileName().toString())).allMatch(name -> name.equals("existing.sql"));
        }
        if (database != null) {
            try (Connection connection = database.superuserDataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet sessions = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                         + database.name() + "' AND usename = 'persistor_reader'")) {
                sessions.next();
                assertThat(sessions.getInt(1)).isZero();
            }
        }
    }

    @Test
    void refusesToReplaceAnExistingFileUnlessAllowed(TestDatabase source) throws Exception {
        source.execute("CREATE TABLE public.t (id int)");
        DataSource reader = source.selectOnlyDataSource();
        Path existing = Files.writeString(directory.resolve("existing.sql"), "precious");
        assertThatThrownBy(() -> Persistor.backup(reader).to(existing))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("the file exists").hasMessageContaining("overwrite()");
        assertThat(Files.readString(existing)).isEqualTo("precious");

        Persistor.backup(reader).overwrite().to(existing);
        assertThat(Files.readString(existing, StandardCharsets.UTF_8)).endsWith("-- Persistor backup complete\n");
    }

    @Test
    void aConnectionKilledMidTableFailsTheBackup(TestDatabase source) {
        database = source;
        source.execute("CREATE TABLE public.big (id int, v text)",
                "INSERT INTO public.big SELECT g, md5(g::text) FROM generate_series(1, 200000) g");
        DataSource reader = source.selectOnlyDataSource();
        AtomicBoolean killed = new AtomicBoolean();
        TypeRenderer killer = new TypeRenderer() {
            @Override
            public boolean supports(String type) {
                return type.equals("text");
            }

            @Override
            public String render(String type, String text) {
                if (killed.compareAndSet(false, true)) {
                    source.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            + "WHERE usename = 'persistor_reader' AND query LIKE 'COPY%'");
                }
                return "'" + text + "'";
            }
        };
        assertThatThrownBy(() -> Persistor.backup(reader).typeRenderer(killer).to(directory.resolve("big.sql")))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("public.big");
        assertThat(killed).isTrue();
    }

    @Test
    void aFullDiskFailsTheBackupAndTheSinkIsAborted(TestDatabase source) {
        database = source;
        source.execute("CREATE TABLE public.t (id int, v text)",
                "INSERT INTO public.t SELECT g, repeat('x', 200) FROM generate_series(1, 5000) g");
        DataSource reader = source.selectOnlyDataSource();
        List<String> events = new CopyOnWriteArrayList<>();
        OutputSink fillsUp = new OutputSink() {
            @Override
            public OutputStream open() {
                events.add("open");
                return new FilterOutputStream(OutputStream.nullOutputStream()) {
                    private long written;

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        written += len;
                        if (written > 100_000) {
                            throw new IOException("No space left on device");
                        }
                    }
                };
            }

            @Override
            public void commit() {
                events.add("commit");
            }

            @Override
            public void abort() {
                events.add("abort");
            }
        };
        assertThatThrownBy(() -> Persistor.backup(reader).to(fillsUp))
                .isInstanceOf(PersistorException.class)
                .hasMessageContaining("No space left on device");
        assertThat(events).containsExactly("open", "abort");
    }

    @Test
    void anInterruptedThreadStopsTheBackup(TestDatabase source) throws Exception {
        database = source;
        source.execute("CREATE TABLE public.big (id int, v text)",
                "INSERT INTO public.big SELECT g, md5(g::text) FROM generate_series(1, 100000) g");
        DataSource reader = source.selectOnlyDataSource();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Persistor.backup(reader).to(directory.resolve("big.sql")))
                    .isInstanceOf(PersistorException.class)
                    .hasMessageContaining("interrupted");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void holdsOnlyAccessShareLocksOnEveryTableWhileItReads(TestDatabase source) {
        database = source;
        source.execute("CREATE TABLE public.a (v text)", "CREATE TABLE public.b (v text)", "CREATE TABLE public.c (v text)",
                "INSERT INTO public.a VALUES ('x')");
        DataSource reader = source.selectOnlyDataSource();
        List<String> locks = new CopyOnWriteArrayList<>();
        TypeRenderer inspector = new TypeRenderer() {
            @Override
            public boolean supports(String type) {
                return type.equals("text");
            }

            @Override
            public String render(String type, String text) {
                locks.addAll(source.readerLocks());
                return "'" + text + "'";
            }
        };
        Persistor.backup(reader).typeRenderer(inspector).to(OutputStream.nullOutputStream());
        assertThat(locks).allMatch(lock -> lock.endsWith(" AccessShareLock"));
        assertThat(locks).filteredOn(lock -> lock.startsWith("public."))
                .containsExactly("public.a AccessShareLock", "public.b AccessShareLock", "public.c AccessShareLock");
    }

    @Test
    void theServersTimeoutsDoNotCancelALongBackup(TestDatabase source) {
        database = source;
        source.execute("CREATE TABLE public.t (id int)", "INSERT INTO public.t SELECT generate_series(1, 100000)");
        DataSource reader = source.selectOnlyDataSource();
        source.execute("ALTER ROLE persistor_reader IN DATABASE " + source.name() + " SET statement_timeout = '1ms'",
                "ALTER ROLE persistor_reader IN DATABASE " + source.name()
                        + " SET idle_in_transaction_session_timeout = '1ms'");
        assertThat(Persistor.backup(reader).to(directory.resolve("t.sql")).rows()).isEqualTo(100000);
        try {
            Files.delete(directory.resolve("t.sql"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
