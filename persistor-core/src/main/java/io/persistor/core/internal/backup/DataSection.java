package io.persistor.core.internal.backup;

import io.persistor.ProgressListener;
import io.persistor.core.internal.data.TableData;
import io.persistor.core.internal.script.ScriptWriter;
import io.persistor.model.Table;
import io.persistor.spi.BackupPlan;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data section: each table's rows in creation order, each table between the format's opening and closing lines.
 * With {@code parallelism(n)} a {@link Readahead} lets n - 1 more sessions read later parts while the backup's own
 * session streams the current one; on PostgreSQL 14 and later a large table is split into slices of pages, so its
 * slices are read in parallel too. The rows keep their order either way.
 */
final class DataSection {

    /** Tables with fewer pages than two slices of this size (64 MB each) are read whole. */
    private static final long SLICE_PAGES = 8192;

    private final BackupPlan plan;
    private final TableData data;
    private final ScriptWriter out;
    private final SnapshotSession session;
    private final Map<String, ServerInfo.TableSize> sizes;
    private final boolean sliceable;

    /**
     * @param sliceable whether the server scans TID ranges efficiently (PostgreSQL 14 and later)
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

    /** Writes the rows of these tables (partitioned tables hold none); returns the number of rows. */
    long write(List<Table> tables) throws IOException, SQLException {
        List<ReadPart> parts = new ArrayList<>();
        for (Table table : tables) {
            if (!table.partitioned()) {
                parts.addAll(parts(table));
            }
        }
        long estimated = 0;
        int filled = 0;
        for (Table table : tables) {
            ServerInfo.TableSize size = sizes.get(table.name().toString());
            if (!table.partitioned()) {
                filled++;
                estimated += size == null ? 0 : Math.max(size.rows(), 0);
            }
        }
        plan.progress().backupStarted(filled, estimated);
        if (plan.parallelism() > 1 && parts.size() > 1) {
            try (Readahead readahead = new Readahead(plan, data, session, parts)) {
                return write(parts, readahead);
            }
        }
        return write(parts, (index, part, target) ->
                data.rows(session.connection(), part.table(), part.slice(), part.outOfLine(), target));
    }

    private long write(List<ReadPart> parts, PartReader reader) throws IOException, SQLException {
        ProgressListener progress = plan.progress();
        long rows = 0;
        long tableRows = 0;
        long tableStart = 0;
        for (int i = 0; i < parts.size(); i++) {
            ReadPart part = parts.get(i);
            String name = part.table().name().toString();
            if (part.first()) {
                ServerInfo.TableSize size = sizes.get(name);
                progress.tableStarted(name, size == null ? -1 : size.rows());
                out.comment("Data for " + part.table().name());
                tableStart = out.bytes();
                tableRows = 0;
                data.begin(part.table(), out.raw());
            }
            long count;
            try {
                count = reader.read(i, part, out.raw());
            } catch (SQLException e) {
                throw new TableReadException(part.table(), e);
            }
            tableRows += count;
            rows += count;
            if (part.last()) {
                data.end(out.raw());
                progress.tableFinished(name, tableRows, out.bytes() - tableStart);
                out.blankLine();
            }
        }
        return rows;
    }

    private List<ReadPart> parts(Table table) {
        ServerInfo.TableSize size = sizes.get(table.name().toString());
        long pages = size == null ? 0 : size.pages();
        int slices = sliceable && plan.parallelism() > 1 && pages >= 2 * SLICE_PAGES
                ? (int) Math.min(plan.parallelism() * 2L, pages / SLICE_PAGES) : 1;
        List<ReadPart> parts = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            TableData.Slice slice = slices == 1 ? TableData.Slice.WHOLE
                    : new TableData.Slice(pages * i / slices, i == slices - 1 ? -1 : pages * (i + 1) / slices);
            parts.add(new ReadPart(table, slice, i == 0, i == slices - 1, size != null && size.outOfLine()));
        }
        return parts;
    }
}
