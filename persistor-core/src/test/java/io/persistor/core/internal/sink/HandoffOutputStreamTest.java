package io.persistor.core.internal.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What is written reaches the stream underneath in order, by flush; its failures reach the writer. */
class HandoffOutputStreamTest {

    @Test
    void deliversEveryByteInOrderByTheTimeFlushReturns() throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        HandoffOutputStream out = new HandoffOutputStream(target);
        Random random = new Random(42);
        // More than all the blocks together, in writes of every size, single bytes included.
        while (expected.size() < HandoffOutputStream.BLOCK_SIZE * (HandoffOutputStream.BLOCKS + 3)) {
            byte[] chunk = new byte[random.nextInt(3) == 0 ? 1 : random.nextInt(HandoffOutputStream.BLOCK_SIZE * 2)];
            random.nextBytes(chunk);
            if (chunk.length == 1) {
                out.write(chunk[0]);
            } else {
                out.write(chunk);
            }
            expected.write(chunk);
        }
        out.flush();
        assertThat(target.toByteArray()).isEqualTo(expected.toByteArray());
        out.close();
    }

    @Test
    void aFailureOfTheStreamUnderneathReachesTheWriter() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        HandoffOutputStream out = new HandoffOutputStream(broken);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                out.write(new byte[HandoffOutputStream.BLOCK_SIZE]);
            }
            out.flush();
        }).isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
        out.cancel();
    }

    @Test
    void cancelStopsAWriterThatIsStuck() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        OutputStream stuck = new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                entered.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    throw new IOException("interrupted", e);
                }
            }
        };
        HandoffOutputStream out = new HandoffOutputStream(stuck);
        out.write(new byte[HandoffOutputStream.BLOCK_SIZE + 1]);
        entered.await();
        long started = System.nanoTime();
        out.cancel();
        assertThat(System.nanoTime() - started).isLessThan(10_000_000_000L);
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class);
    }
}
