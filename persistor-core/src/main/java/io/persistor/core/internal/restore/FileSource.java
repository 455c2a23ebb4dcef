package io.persistor.core.internal.restore;

import io.persistor.spi.InputSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** A script in a file: each pass opens it again, and its end is read by seeking there. */
public final class FileSource implements InputSource {

    private final Path file;
    private final String name;

    /**
     * @param file the script
     */
    public FileSource(Path file) {
        this(file, file.toString());
    }

    /**
     * @param file the script
     * @param name what to call it in messages
     */
    public FileSource(Path file, String name) {
        this.file = file;
        this.name = name;
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public InputStream openTail(int length) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(file);
        channel.position(Math.max(0, channel.size() - length));
        return Channels.newInputStream(channel);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path file() {
        return file;
    }
}
