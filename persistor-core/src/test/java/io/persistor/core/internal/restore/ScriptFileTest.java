package io.persistor.core.internal.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptFileTest {

    @TempDir
    Path directory;

    @Test
    void readsTheSameTailFromAPlainFileAsFromACompressedOne() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 300_000; i++) {
            text.append("-- line ").append(i).append(" é\n");
        }
        text.append("-- Persistor backup complete\n");
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        Path plain = Files.write(directory.resolve("tail.sql"), bytes);
        Path compressed = directory.resolve("tail.sql.zst");
        try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(compressed))) {
            out.write(bytes);
        }
        // Sizes below, across and beyond the 64 KB a read takes, and beyond the whole script.
        for (int size : new int[] {10, 4096, 65_536, 100_000, 1_000_000}) {
            String expected = new String(Arrays.copyOfRange(bytes, Math.max(0, bytes.length - size), bytes.length),
                    StandardCharsets.UTF_8);
            for (Path file : new Path[] {plain, compressed}) {
                assertThat(new ScriptFile(new FileSource(file), null).tail(size)).as(file + ", " + size)
                        .isEqualTo(expected);
            }
        }
        assertThat(new ScriptFile(new FileSource(compressed), null).isComplete()).isTrue();
    }
}
