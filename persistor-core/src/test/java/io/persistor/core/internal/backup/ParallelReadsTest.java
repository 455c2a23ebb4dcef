package io.persistor.core.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The script comes out in part order whatever the timing; parts read ahead stay within their memory, waiting for
 * their turn rather than going to disk; failures stop all.
 */
class ParallelReadsTest {

    private static final int PARTS = 40;
    private static final long MEMORY = 1L << 18;

    @RepeatedTest(5)
    void writesThePartsInOrderWhateverTheTimingWithinItsMemory() throws Exception {
        long seed = System.nanoTime();
        List<String> expected = new ArrayList<>();
        Random random = new Random(seed);
        for (int i = 0; i < PARTS; i++) {
            StringBuilder part = new StringBuilder();
            int lines = random.nextInt(20_000);
            for (int line = 0; line < lines; line++) {
                part.append("part ").append(i).append(" line ").append(line).append('\n');
            }
            expected.add(part.toString());
        }
        AtomicLong scriptBytes = new AtomicLong();
        AtomicLong mostAhead = new AtomicLong();
        AtomicLong readBytes = new AtomicLong();
        ByteArrayOutputStream script = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                super.write(b, off, len);
                scriptBytes.addAndGet(len);
            }
        };
        List<Integer> publishedOrder = Collections.synchronizedList(new ArrayList<>());
        List<Long> publishedBytes = Collections.synchronizedList(new ArrayList<>());
        ParallelReads.PartWriter writer = (connection, index, target) -> {
            byte[] bytes = expected.get(index).getBytes(StandardCharsets.US_ASCII);
            Random pauses = new Random(seed + index);
            for (int off = 0; off < bytes.length; off += 100) {
                int length = Math.min(100, bytes.length - off);
                target.write(bytes, off, length);
                long ahead = readBytes.addAndGet(length) - scriptBytes.get();
                mostAhead.accumulateAndGet(ahead, Math::max);
                if (pauses.nextInt(20) == 0) {
                    Thread.yield();
                }
            }
            return new ParallelReads.Written(bytes.length / 10, bytes.length);
        };
        // Memory for one block in all, less than most parts: parts read ahead wait for their turn once it is
        // spent; and claims wait once the parts claimed ahead add up to 60 KB.
        long[] sizes = expected.stream().mapToLong(String::length).toArray();
        long rows = new ParallelReads(sizes, 60_000, MEMORY, writer, (index, written) -> {
            publishedOrder.add(index);
            publishedBytes.add(written.bytes());
        }, script).run(readers(3, new AtomicInteger()));

        assertThat(script.toString(StandardCharsets.US_ASCII)).as("seed %d", seed).isEqualTo(String.join("", expected));
        assertThat(publishedOrder).containsExactlyElementsOf(IntStream.range(0, PARTS).boxed().toList());
        for (int i = 0; i < PARTS; i++) {
            assertThat(publishedBytes.get(i)).isEqualTo(expected.get(i).length());
        }
        assertThat(rows).isEqualTo(expected.stream().mapToLong(part -> part.length() / 10).sum());
        // What was read and not yet in the script: held parts, and the writes racing the count (100 bytes each).
        assertThat(mostAhead.get()).as("seed %d", seed).isLessThanOrEqualTo(MEMORY + 3 * 100);
    }

    @Test
    void aFailingPartFailsTheRunAndCancelsTheOtherReaders() throws Exception {
        AtomicInteger cancels = new AtomicInteger();
        ParallelReads.PartWriter writer = (connection, index, target) -> {
            target.write(new byte[10_000]);
            if (index == 7) {
                throw new SQLException("part 7 could not be read", "57014");
            }
            return new ParallelReads.Written(1, 10_000);
        };
        ParallelReads reads = new ParallelReads(new long[PARTS], 0, 1024, writer, (index, written) -> { },
                OutputStream.nullOutputStream());

        assertThatThrownBy(() -> reads.run(readers(3, cancels)))
                .isInstanceOf(SQLException.class).hasMessage("part 7 could not be read");
        assertThat(cancels.get()).isEqualTo(3);
    }

    @Test
    void aFailingScriptStopsTheReaders() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        ParallelReads.PartWriter writer = (connection, index, target) -> {
            target.write(new byte[] {1});
            return new ParallelReads.Written(1, 1);
        };
        ParallelReads reads = new ParallelReads(new long[PARTS], 0, 1024, writer, (index, written) -> { }, broken);

        assertThatThrownBy(() -> reads.run(readers(2, new AtomicInteger())))
                .isInstanceOf(IOException.class).hasMessage("disk full");
    }

    private static List<ParallelReads.Reader> readers(int count, AtomicInteger cancels) {
        List<ParallelReads.Reader> readers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            readers.add(new ParallelReads.Reader() {
                @Override
                public Connection connection() {
                    return null;
                }

                @Override
                public void cancel() {
                    cancels.incrementAndGet();
                }
            });
        }
        return readers;
    }
}
