package io.persistor.core.internal.sink;

import io.persistor.PersistorException;
import io.persistor.spi.OutputSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file written under a temporary name in its target's directory and moved into place on {@link #commit()}:
 * readers see either no file or the complete one, and it is on disk before it is visible. What is written is
 * synced every {@link #SYNC_INTERVAL} bytes along the way, so the disk works while the backup reads and the sync
 * at commit has little left to do. {@link #abort()} deletes the temporary file, and so does the JVM's exit (a
 * SIGTERM included) if the backup never got to either.
 */
public final class AtomicFileSink implements OutputSink {

    /** Bytes written between two syncs of the temporary file: 32 MB. */
    static final long SYNC_INTERVAL = 32L << 20;

    private final Path target;
    private final boolean overwrite;
    private Path temporary;
    private FileChannel channel;

    /**
     * @param target    the final path
     * @param overwrite whether an existing file there may be replaced
     */
    public AtomicFileSink(Path target, boolean overwrite) {
        this.target = target.toAbsolutePath().normalize();
        this.overwrite = overwrite;
    }

    @Override
    public OutputStream open() throws IOException {
        Path directory = target.getParent();
        if (!Files.isDirectory(directory)) {
            throw new PersistorException("Cannot write the backup to " + target + ": directory " + directory
                    + " does not exist. Create it first.");
        }
        if (!Files.isWritable(directory)) {
            throw new PersistorException("Cannot write the backup to " + target + ": directory " + directory
                    + " is not writable by this process.");
        }
        if (!overwrite && Files.exists(target)) {
            throw new PersistorException("Cannot write the backup to " + target + ": the file exists. Choose another "
                    + "name, or allow replacing it with overwrite() (--overwrite in the CLI).");
        }
        temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".partial");
        temporary.toFile().deleteOnExit();
        channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
        return new SyncingStream(channel);
    }

    @Override
    public void commit() throws IOException {
        channel.force(true);
        channel.close();
        try {
            if (!overwrite && Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "another process created it meanwhile");
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("Cannot publish " + target + " atomically: " + e.getMessage(), e);
        }
        temporary = null;
    }

    @Override
    public void abort() {
        try {
            if (channel != null) {
                channel.close();
            }
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // Nothing more can be done: the temporary name starts with a dot and ends in .partial.
            temporary = null;
        }
    }

    @Override
    public Path file() {
        return target;
    }

    /** Writes to the channel and syncs its data every {@link #SYNC_INTERVAL} bytes. */
    private static final class SyncingStream extends OutputStream {

        private final FileChannel channel;
        private long unsynced;

        SyncingStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            unsynced += len;
            if (unsynced >= SYNC_INTERVAL) {
                channel.force(false);
                unsynced = 0;
            }
        }
    }
}
