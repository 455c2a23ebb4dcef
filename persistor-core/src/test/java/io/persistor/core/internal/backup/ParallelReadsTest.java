package io.persistor.core.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.core.internal.crypto.SpoolCipher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The script comes out in part order whatever the timing, parts read ahead are held in memory and then in files,
 * failures stop all.
 */
class ParallelReadsTest {

    private static final int PARTS = 40;

    @RepeatedTest(5)
    void writesThePartsInOrderWhateverTheTiming() throws Exception {
        writesThePartsInOrder(null);
    }

    @RepeatedTest(3)
    void sealsWhatItReadsAheadIntoFilesAndStillWritesThePartsInOrder() throws Exception {
        List<String> leaks = writesThePartsInOrder(SpoolCipher.withRandomKey());
        assertThat(leaks).isEmpty();
    }

    /** Runs forty parts of lines; returns the spool files seen holding a plain line. */
    private List<String> writesThePartsInOrder(SpoolCipher cipher) throws Exception {
        List<String> leaks = Collections.synchronizedList(new ArrayList<>());
        long seed = System.nanoTime();
        List<String> expected = new ArrayList<>();
        Random random = new Random(seed);
        for (int i = 0; i < PARTS; i++) {
            StringBuilder part = new StringBuilder();
            int lines = random.nextInt(2_000);
            for (int line = 0; line < lines; line++) {
                part.append("part ").append(i).append(" line ").append(line).append('\n');
            }
            expected.add(part.toString());
        }
        ByteArrayOutputStream script = new ByteArrayOutputStream();
        List<Integer> publishedOrder = Collections.synchronizedList(new ArrayList<>());
        List<Long> publishedBytes = Collections.synchronizedList(new ArrayList<>());
        ParallelReads.PartWriter writer = (connection, index, target) -> {
            byte[] bytes = expected.get(index).getBytes(StandardCharsets.US_ASCII);
            Random pauses = new Random(seed + index);
            for (int off = 0; off < bytes.length; off += 100) {
                target.write(bytes, off, Math.min(100, bytes.length - off));
                if (pauses.nextInt(20) == 0) {
                    Thread.yield();
                }
            }
            if (index == PARTS - 1) {
                for (Path file : spooledFiles()) {
                    byte[] content;
                    try {
                        content = Files.readAllBytes(file);
                    } catch (NoSuchFileException published) {
                        // Its part was written out and the file deleted since the listing.
                        continue;
                    }
                    if (new String(content, StandardCharsets.ISO_8859_1).contains(" line ")) {
                        leaks.add(file.toString());
                    }
                }
            }
            return new ParallelReads.Written(bytes.length / 10, bytes.length);
        };
        // Memory for three blocks in all: most parts read ahead spill into temporary files; and claims wait once
        // the parts claimed ahead add up to 60 KB.
        long[] sizes = expected.stream().mapToLong(String::length).toArray();
        long rows = new ParallelReads(sizes, 60_000, 3L << 18, writer, (index, written) -> {
            publishedOrder.add(index);
            publishedBytes.add(written.bytes());
        }, script, cipher).run(readers(3, new AtomicInteger()));

        assertThat(script.toString(StandardCharsets.US_ASCII)).as("seed %d", seed).isEqualTo(String.join("", expected));
        assertThat(publishedOrder).containsExactlyElementsOf(IntStream.range(0, PARTS).boxed().toList());
        for (int i = 0; i < PARTS; i++) {
            assertThat(publishedBytes.get(i)).isEqualTo(expected.get(i).length());
        }
        assertThat(rows).isEqualTo(expected.stream().mapToLong(part -> part.length() / 10).sum());
        assertThat(spooledFiles()).isEmpty();
        return leaks;
    }

    @Test
    void aFailingPartFailsTheRunCancelsTheOtherReadersAndLeavesNoFiles() throws Exception {
        AtomicInteger cancels = new AtomicInteger();
        ParallelReads.PartWriter writer = (connection, index, target) -> {
            target.write(new byte[10_000]);
            if (index == 7) {
                throw new SQLException("part 7 could not be read", "57014");
            }
            return new ParallelReads.Written(1, 10_000);
        };
        ParallelReads reads = new ParallelReads(new long[PARTS], 0, 1024, writer, (index, written) -> { },
                OutputStream.nullOutputStream(), null);

        assertThatThrownBy(() -> reads.run(readers(3, cancels)))
                .isInstanceOf(SQLException.class).hasMessage("part 7 could not be read");
        assertThat(cancels.get()).isEqualTo(3);
        assertThat(spooledFiles()).isEmpty();
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
        ParallelReads reads = new ParallelReads(new long[PARTS], 0, 1024, writer, (index, written) -> { }, broken,
                null);

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

    private static List<Path> spooledFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("persistor-")
                    && f.getFileName().toString().endsWith(".rows")).toList();
        }
    }
}
