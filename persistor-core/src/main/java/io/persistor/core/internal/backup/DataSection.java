package io.persistor.core.internal.backup;

import io.persistor.core.internal.data.TableData;
import io.persistor.core.internal.script.ScriptWriter;
import io.persistor.model.Table;
import io.persistor.spi.BackupPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data section: each table's rows in creation order, each table between the format's opening and closing lines.
 * With {@code parallelism(n)}, n sessions in the backup's snapshot read the parts at once ({@link ParallelReads});
 * on PostgreSQL 14 and later a table of 32 MB or more is split into slices of pages, so its slices are read in
 * parallel too. A slice is a TID range scan, which goes through the server's buffer cache, where a whole-table scan
 * of a large table uses a small ring of buffers: a parallel backup of large tables displaces what the cache held.
 * The rows keep their order either way.
 */
final class DataSection {

    /**
     * Large tables are read in slices of at most this many pages (16 MB), when read in parallel, and fewer when
     * the memory for parts read ahead is smaller: a slice read ahead is held in memory until its turn, and each
     * query's cost stays negligible.
     */
    private static final long SLICE_PAGES = 2048;

    /** Slices are never smaller than this many pages (2 MB). */
    private static final long MIN_SLICE_PAGES = 256;

    /** Parts read ahead hold at most this much in memory per reader, 32 MB, and at most an eighth of the heap. */
    private static final long MEMORY_PER_READER = 32L << 20;

    private final BackupPlan plan;
    private final TableData data;
    private final ScriptWriter out;
    private final SnapshotSession session;
    private final Map<String, ServerInfo.TableSize> sizes;
    private final boolean sliceable;
    private final Map<String, Long> rowsByTable = new LinkedHashMap<>();
    private long tableRows;
    private long tableBytes;

    /**
     * @param sliceable whether large tables may be read in slices (PostgreSQL 14 and later)
     */
    DataSection(BackupPlan plan, TableData data, ScriptWriter out, SnapshotSession session,
                Map<String, ServerInfo.TableSize> sizes, boolean sliceable) {
        this.plan = plan;
        this.data = data;
        this.out = out;
        this.session = session;
        this.sizes = sizes;
        this.sliceable = sliceable;
    }

    /** @return each table's row count, in the order the tables were written */
    Map<String, Long> rowsByTable() {
        return rowsByTable;
    }

    /** Writes the rows of these tables (partitioned tables hold none); returns the number of rows. */
    long write(List<Table> tables) throws IOException, SQLException {
        List<ReadPart> parts = new ArrayList<>();
        long estimated = 0;
        for (Table table : tables) {
            if (!table.partitioned()) {
                parts.addAll(parts(table));
                ServerInfo.TableSize size = sizes.get(table.name().toString());
                estimated += size == null ? 0 : Math.max(size.rows(), 0);
            }
        }
        plan.progress().backupStarted((int) parts.stream().filter(ReadPart::first).count(), estimated);
        ParallelReads.PartWriter writer = (connection, index, target) -> part(connection, parts.get(index), target);
        ParallelReads.Published published = (index, written) -> published(parts.get(index), written);
        if (plan.parallelism() > 1 && parts.size() > 1) {
            return parallel(parts, writer, published);
        }
        long rows = 0;
        for (int i = 0; i < parts.size(); i++) {
            ParallelReads.Written written = writer.write(session.connection(), i, out.raw());
            published.published(i, written);
            rows += written.rows();
        }
        return rows;
    }

    private long parallel(List<ReadPart> parts, ParallelReads.PartWriter writer, ParallelReads.Published published)
            throws IOException, SQLException {
        int readers = Math.min(plan.parallelism(), parts.size());
        List<SnapshotSession> sessions = new ArrayList<>(List.of(session));
        try {
            String snapshot = session.exportSnapshot();
            for (int i = 1; i < readers; i++) {
                sessions.add(SnapshotSession.join(plan.dataSource(), plan.rowSecurity(), snapshot));
            }
            long[] estimates = parts.stream().mapToLong(this::estimatedBytes).toArray();
            // Parts are claimed ahead as far as they are estimated to fit in the memory for them.
            long memory = readAheadMemory(readers);
            return new ParallelReads(estimates, memory, memory, writer, published, out.raw()).run(sessions);
        } finally {
            SQLException failure = null;
            for (SnapshotSession joined : sessions.subList(1, sessions.size())) {
                try {
                    joined.close();
                } catch (SQLException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Writes one part: the table's comment and opening line before its first part, its closing line after its last. */
    private ParallelReads.Written part(Connection connection, ReadPart part, OutputStream target)
            throws IOException, SQLException {
        Table table = part.table();
        ScriptWriter script = new ScriptWriter(target);
        if (part.first()) {
            ServerInfo.TableSize size = sizes.get(table.name().toString());
            plan.progress().tableStarted(table.name().toString(), size == null ? -1 : size.rows());
            script.comment("Data for " + table.name());
        }
        long before = script.bytes();
        if (part.first()) {
            data.begin(table, script.raw());
        }
        long count;
        try {
            count = data.rows(connection, table, part.slice(), part.outOfLine(), script.raw());
        } catch (SQLException e) {
            throw new TableReadException(table, e);
        }
        if (part.last()) {
            data.end(script.raw());
        }
        ParallelReads.Written written = new ParallelReads.Written(count, script.bytes() - before);
        if (part.last()) {
            script.blankLine();
        }
        return written;
    }

    /** Called in part order: counts a table's rows and bytes, and tells the listener when a table is done. */
    private void published(ReadPart part, ParallelReads.Written written) {
        if (part.first()) {
            tableRows = 0;
            tableBytes = 0;
        }
        tableRows += written.rows();
        tableBytes += written.bytes();
        if (part.last()) {
            rowsByTable.put(part.table().name().toString(), tableRows);
            plan.progress().tableFinished(part.table().name().toString(), tableRows, tableBytes);
        }
    }

    /** A part's size by its pages, as the planner last counted them. */
    private long estimatedBytes(ReadPart part) {
        ServerInfo.TableSize size = sizes.get(part.table().name().toString());
        long pages = size == null ? 0 : size.pages();
        if (!part.slice().equals(TableData.Slice.WHOLE)) {
            pages = (part.slice().toPage() < 0 ? pages : part.slice().toPage()) - part.slice().fromPage();
        }
        return pages * 8192;
    }

    /** The memory all parts read ahead may hold together. */
    private static long readAheadMemory(int readers) {
        return Math.min(MEMORY_PER_READER * readers, Runtime.getRuntime().maxMemory() / 8);
    }

    private List<ReadPart> parts(Table table) {
        ServerInfo.TableSize size = sizes.get(table.name().toString());
        long pages = size == null ? 0 : size.pages();
        int readers = plan.parallelism();
        long slicePages = Math.max(MIN_SLICE_PAGES,
                Math.min(SLICE_PAGES, readAheadMemory(readers) / Math.max(1, readers - 1) / 2 / 8192));
        int slices = sliceable && readers > 1 && pages >= 2 * slicePages && !data.filtered(table)
                ? (int) (pages / slicePages) : 1;
        List<ReadPart> parts = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            TableData.Slice slice = slices == 1 ? TableData.Slice.WHOLE
                    : new TableData.Slice(pages * i / slices, i == slices - 1 ? -1 : pages * (i + 1) / slices);
            parts.add(new ReadPart(table, slice, i == 0, i == slices - 1, size != null && size.outOfLine()));
        }
        return parts;
    }
}
