package io.persistor.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where a backup's script is read from, the counterpart of {@link OutputSink}: a file, an object in a bucket. A
 * restore or a verification reads it in a few passes (its header, its end, then all of it), each through a stream
 * {@linkplain #open() opened} for that pass, so nothing needs to be copied first.
 */
public interface InputSource {

    /**
     * Opens the script from its first byte; called once per pass.
     *
     * @return a new stream, closed by the caller
     * @throws IOException when the script cannot be read
     */
    InputStream open() throws IOException;

    /**
     * Opens the script's last bytes, so its closing marker can be read without reading all of it.
     *
     * @param length how many bytes at most
     * @return a new stream of the last {@code length} bytes (all of them when the script is shorter), or
     *         {@code null} when this source cannot seek (the caller then reads from the start)
     * @throws IOException when the script cannot be read
     */
    default InputStream openTail(int length) throws IOException {
        return null;
    }

    /**
     * What to call the script in messages: a path, a URI.
     *
     * @return the name
     */
    String name();

    /**
     * The file this source reads, for {@link io.persistor.RestoreResult#file()}.
     *
     * @return the file, or {@code null} when the source is not a file
     */
    default Path file() {
        return null;
    }
}
