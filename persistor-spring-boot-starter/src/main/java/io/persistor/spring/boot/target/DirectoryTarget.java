package io.persistor.spring.boot.target;

import io.persistor.Backup;
import io.persistor.BackupResult;
import io.persistor.Persistor;
import io.persistor.PersistorException;
import io.persistor.Retention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Publishes backups as files of one directory, created when the first backup is written. */
public final class DirectoryTarget implements BackupTarget {

    private final Path directory;

    /**
     * @param directory where the files go
     */
    public DirectoryTarget(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public String location() {
        return directory.toString();
    }

    @Override
    public String locationOf(String name) {
        return directory.resolve(name).toString();
    }

    @Override
    public boolean contains(String name) {
        return Files.exists(directory.resolve(name));
    }

    @Override
    public BackupResult write(Backup backup, String name) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new PersistorException("Cannot create the backup directory " + directory + " (persistor.output): "
                    + e.getMessage(), null, e);
        }
        return backup.to(directory.resolve(name));
    }

    @Override
    public List<String> prune(String name, Retention retention, String database, LocalDateTime now) {
        return retention.prune(Persistor.verify(directory.resolve(name)), database, now).stream()
                .map(Path::toString).toList();
    }

    @Override
    public List<StoredBackup> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<StoredBackup> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            // A backup being written is a hidden file until it is published.
            for (Path file : files.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith("."))
                    .toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                found.add(new StoredBackup(file.getFileName().toString(), attributes.size(),
                        attributes.lastModifiedTime().toInstant()));
            }
        } catch (IOException e) {
            throw new PersistorException("Cannot list the backup directory " + directory + ": " + e.getMessage(),
                    null, e);
        }
        found.sort(Comparator.comparing(StoredBackup::modified).reversed().thenComparing(StoredBackup::name));
        return found;
    }
}
