package io.persistor.core.internal.restore;

import java.io.IOException;

/**
 * Where a {@code COPY} block's rows are in the script file, as far as the parser has read: a reader may load the
 * rows from the file while the parser is still looking for their end.
 */
final class ScannedRows {

    private long start = -1;
    private long scanned;
    private long end = -1;
    private boolean failed;

    /** The parser has read whole lines from {@code from} up to {@code to}. */
    synchronized void scanned(long from, long to) {
        if (start < 0) {
            start = from;
        }
        scanned = to;
        notifyAll();
    }

    /** The parser has found the block's end. */
    synchronized void ended(ScriptParser.Rows rows) {
        start = rows.start();
        scanned = rows.end();
        end = rows.end();
        notifyAll();
    }

    /** The parser stopped before the block's end. */
    synchronized void failed() {
        failed = true;
        notifyAll();
    }

    /** Where the rows start; waits until the parser knows. */
    synchronized long start() throws InterruptedException, IOException {
        while (start < 0) {
            await();
        }
        return start;
    }

    /** Where the rows end, or {@code -1} while the parser has not found it yet. */
    synchronized long endIfFound() {
        return end;
    }

    /**
     * How far the rows may be read from {@code at}; waits until the parser has read beyond it or found the end.
     *
     * @return a limit beyond {@code at}, or {@code at} at the block's end
     */
    synchronized long readableFrom(long at) throws InterruptedException, IOException {
        while (scanned <= at && end < 0) {
            await();
        }
        return Math.max(at, scanned);
    }

    private void await() throws InterruptedException, IOException {
        if (failed) {
            throw new IOException("The script could not be read to the end of its COPY rows");
        }
        wait();
    }
}
