package io.persistor.examples.cli;

import io.persistor.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints one line on stderr as each table finishes: its rows and size, the totals so far with the rate, and, when
 * the planner's row estimates are known, the share done and the time left.
 */
final class ProgressDisplay implements ProgressListener {

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile long estimatedRows;

    ProgressDisplay(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void backupStarted(int tables, long rows) {
        this.estimatedRows = rows;
    }

    @Override
    public void tableFinished(String table, long tableRows, long tableBytes) {
        long totalRows = rows.addAndGet(tableRows);
        long totalBytes = bytes.addAndGet(tableBytes);
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        String eta = "";
        if (estimatedRows > 0 && totalRows > 0 && totalRows < estimatedRows) {
            eta = String.format(Locale.ROOT, ", %d%%, about %.0f s left", totalRows * 100 / estimatedRows,
                    seconds * (estimatedRows - totalRows) / totalRows);
        }
        synchronized (err) {
            err.println(String.format(Locale.ROOT, "  %s: %,d rows, %.1f MB  (total %,d rows, %.1f MB, %.1f MB/s%s)",
                    table, tableRows, tableBytes / 1e6, totalRows, totalBytes / 1e6, totalBytes / 1e6 / seconds, eta));
        }
    }
}
