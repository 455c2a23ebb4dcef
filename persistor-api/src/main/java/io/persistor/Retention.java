package io.persistor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How many of a database's backups to keep where they are published: the newest {@code keep} (the new one
 * counted), or those younger than {@code keepDays} days, or both (a backup either keeps stays). It only ever
 * touches backups named as {@link #fileName} names them ({@code <database>-<yyyyMMdd-HHmmss>.sql}, then
 * {@code .gz} or {@code .zst}, then {@code .gpg}), only of that database, and never the new one; and it prunes only
 * after the new backup {@linkplain BackupVerification#intact() verifies}.
 *
 * <pre>{@code
 * Path file = directory.resolve(Retention.fileName("shop", LocalDateTime.now(), Compression.ZSTD, false));
 * Persistor.backup(dataSource).zstd().to(file);
 * Retention.keep(7).orDays(30).prune(Persistor.verify(file), "shop", LocalDateTime.now());
 * }</pre>
 */
public final class Retention {

    /** The time stamp in backup names, {@code yyyyMMdd-HHmmss}. */
    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final int keep;
    private final int keepDays;

    private Retention(int keep, int keepDays) {
        if (keep < 0 || keepDays < 0 || keep == 0 && keepDays == 0) {
            throw new PersistorException("Invalid retention: keep " + keep + " backups, keep " + keepDays
                    + " days; give a positive count, a positive number of days, or both");
        }
        this.keep = keep;
        this.keepDays = keepDays;
    }

    /**
     * Keeps the newest backups.
     *
     * @param count how many, the new one included; at least 1
     * @return the retention
     */
    public static Retention keep(int count) {
        return new Retention(count, 0);
    }

    /**
     * Keeps the backups younger than some days.
     *
     * @param days how many days; at least 1
     * @return the retention
     */
    public static Retention keepDays(int days) {
        return new Retention(0, days);
    }

    /**
     * Also keeps the backups younger than some days.
     *
     * @param days how many days; at least 1
     * @return a retention keeping what either rule keeps
     */
    public Retention orDays(int days) {
        return new Retention(keep, days);
    }

    /**
     * The name of a backup, as the CLI writes them and as this class recognises them.
     *
     * @param database    the database
     * @param taken       when the backup started
     * @param compression how it is compressed
     * @param encrypted   whether it is encrypted
     * @return for example {@code shop-20261205-020000.sql.zst}
     */
    public static String fileName(String database, LocalDateTime taken, Compression compression, boolean encrypted) {
        String extension = switch (compression) {
            case NONE -> "";
            case GZIP -> ".gz";
            case ZSTD -> ".zst";
        };
        return database + "-" + taken.format(STAMP) + ".sql" + extension + (encrypted ? ".gpg" : "");
    }

    /**
     * Picks, among names in one directory or prefix, the backups of a database that neither rule keeps.
     *
     * @param names    the names there (others are ignored)
     * @param database the database
     * @param fresh    the new backup's name, which stays
     * @param now      the time ages are measured from
     * @return the names to delete, oldest first
     */
    public List<String> expired(Collection<String> names, String database, String fresh, LocalDateTime now) {
        Pattern pattern = Pattern.compile(Pattern.quote(database) + "-(\\d{8}-\\d{6})\\.sql(?:\\.gz|\\.zst)?(?:\\.gpg)?");
        List<Stamped> older = new ArrayList<>();
        for (String name : names) {
            Matcher matcher = pattern.matcher(name);
            if (!name.equals(fresh) && matcher.matches()) {
                older.add(new Stamped(name, LocalDateTime.parse(matcher.group(1), STAMP)));
            }
        }
        older.sort(Comparator.comparing(Stamped::taken).reversed().thenComparing(Stamped::name));
        List<String> expired = new ArrayList<>();
        for (int i = older.size() - 1; i >= 0; i--) {
            Stamped backup = older.get(i);
            boolean kept = keep > 0 && i + 1 < keep || keepDays > 0 && backup.taken().isAfter(now.minusDays(keepDays));
            if (!kept) {
                expired.add(backup.name());
            }
        }
        return expired;
    }

    /**
     * Deletes, in the new backup's directory, the database's backups that neither rule keeps.
     *
     * @param fresh    the new backup's verification, which must have found it intact
     * @param database the database
     * @param now      the time ages are measured from
     * @return the deleted files, oldest first
     * @throws PersistorException when the new backup did not verify (nothing is deleted then)
     * @throws UncheckedIOException when the directory cannot be listed or a file cannot be deleted
     */
    public List<Path> prune(BackupVerification fresh, String database, LocalDateTime now) {
        Path file = requireIntact(fresh);
        Path directory = file.toAbsolutePath().getParent();
        List<String> names;
        try (Stream<Path> files = Files.list(directory)) {
            names = files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory + " to prune older backups", e);
        }
        List<Path> deleted = new ArrayList<>();
        for (String name : expired(names, database, file.getFileName().toString(), now)) {
            Path older = directory.resolve(name);
            try {
                Files.delete(older);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the older backup " + older, e);
            }
            deleted.add(older);
        }
        return deleted;
    }

    /**
     * Checks that a new backup verified before anything is pruned.
     *
     * @param fresh the new backup's verification
     * @return its file
     * @throws PersistorException when it found problems or names no file
     */
    private static Path requireIntact(BackupVerification fresh) {
        Objects.requireNonNull(fresh, "fresh");
        if (!fresh.intact()) {
            throw new PersistorException("Nothing pruned: the new backup " + fresh.file() + " does not verify: "
                    + String.join(" ", fresh.problems()));
        }
        if (fresh.file() == null) {
            throw new PersistorException("Nothing pruned: the verification names no file to prune beside");
        }
        return fresh.file();
    }

    /** A backup's name and when it was taken. */
    private record Stamped(String name, LocalDateTime taken) {
    }
}
