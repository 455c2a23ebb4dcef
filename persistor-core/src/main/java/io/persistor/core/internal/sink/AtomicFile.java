package io.persistor.core.internal.sink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file written under a temporary name in its target's directory and moved into place by
 * {@link #publish()}: readers see either no file or the complete one. Closing an unpublished file deletes it.
 */
public final class AtomicFile implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean published;

    private AtomicFile(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    /**
     * Creates the temporary file beside {@code target}.
     *
     * @param target the final path
     * @return the open file
     * @throws IOException when the directory is missing or not writable
     */
    public static AtomicFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".partial");
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
        return new AtomicFile(absolute, temporary, channel);
    }

    /**
     * The stream to write the content to; buffered.
     *
     * @return the stream
     */
    public OutputStream stream() {
        return stream;
    }

    /**
     * Flushes the content to disk and moves the file to its final name, replacing any file there.
     *
     * @return the final path
     * @throws IOException when flushing or moving fails; the temporary file is then still removed by {@link #close()}
     */
    public Path publish() throws IOException {
        stream.flush();
        channel.force(true);
        channel.close();
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("Cannot publish " + target + " atomically: " + e.getMessage(), e);
        }
        published = true;
        return target;
    }

    /** Deletes the temporary file unless it was published. */
    @Override
    public void close() throws IOException {
        if (!published) {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
