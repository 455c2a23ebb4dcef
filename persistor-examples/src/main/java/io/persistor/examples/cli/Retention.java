package io.persistor.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prunes a database's older backups in the directory {@code backup -o} writes to: only files named as
 * {@code backup} names them ({@code <database>-<yyyyMMdd-HHmmss>.sql}, with {@code .gz}, {@code .zst} and
 * {@code .gpg} as written), never the new one, never anything else. A backup is kept when it is among the newest
 * {@code keep} (the new one counted) or younger than {@code keepDays} days.
 */
final class Retention {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final int keep;
    private final int keepDays;

    /**
     * @param keep     how many backups to keep, the new one included; 0 when only age counts
     * @param keepDays how many days of backups to keep; 0 when only the count counts
     */
    Retention(int keep, int keepDays) {
        this.keep = keep;
        this.keepDays = keepDays;
    }

    /**
     * Deletes the backups of a database that neither limit keeps.
     *
     * @param directory the backups' directory
     * @param database  the database whose backups they are
     * @param fresh     the backup just published, which stays
     * @param now       the time ages are measured from
     * @return the deleted files, oldest first
     */
    List<Path> prune(Path directory, String database, Path fresh, LocalDateTime now) {
        Pattern name = Pattern.compile(Pattern.quote(database) + "-(\\d{8}-\\d{6})\\.sql(?:\\.gz|\\.zst)?(?:\\.gpg)?");
        List<Stamped> older = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(Files::isRegularFile).filter(file -> !file.equals(fresh)).forEach(file -> {
                Matcher matcher = name.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    older.add(new Stamped(file, LocalDateTime.parse(matcher.group(1), STAMP)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory + " to prune older backups", e);
        }
        older.sort(Comparator.comparing(Stamped::taken).reversed());
        List<Path> deleted = new ArrayList<>();
        for (int i = older.size() - 1; i >= 0; i--) {
            Stamped backup = older.get(i);
            boolean kept = keep > 0 && i + 1 < keep
                    || keepDays > 0 && backup.taken().isAfter(now.minusDays(keepDays));
            if (!kept) {
                try {
                    Files.delete(backup.file());
                    deleted.add(backup.file());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot delete the older backup " + backup.file(), e);
                }
            }
        }
        return deleted;
    }

    /** A backup file and when it was taken, by its name. */
    private record Stamped(Path file, LocalDateTime taken) {
    }
}
