package io.persistor;

import io.persistor.spi.BackupPlan;
import io.persistor.spi.MaskPlan;
import io.persistor.spi.OutputSink;
import io.persistor.spi.PersistorProvider;
import io.persistor.spi.SubsetPlan;
import io.persistor.spi.TypeRenderer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Describes one backup; {@link #to(Path)} validates the options, runs it and publishes the file.
 *
 * <p>A builder is single-use and not thread-safe. Names of schemas and tables are given as the catalog
 * stores them: case-sensitive and without quotes.
 */
public final class Backup {

    /** The number of rows each {@code INSERT} statement carries unless {@link #rowsPerInsert(int)} says otherwise. */
    public static final int DEFAULT_ROWS_PER_INSERT = 500;

    private final DataSource dataSource;
    private final List<String> schemas = new ArrayList<>(List.of("public"));
    private final List<String> tables = new ArrayList<>();
    private final List<String> excludedTables = new ArrayList<>();
    private int rowsPerInsert = DEFAULT_ROWS_PER_INSERT;
    private boolean replicaSessionRole;
    private boolean rowSecurity;
    private boolean allSchemas;
    private boolean privileges;
    private Format format = Format.INSERTS;
    private int parallelism = 1;
    private Compression compression = Compression.NONE;
    private int compressionLevel;
    private ProgressListener progress;
    private final List<TypeRenderer> typeRenderers = new ArrayList<>();
    private boolean schemaOnly;
    private boolean overwrite;
    private boolean dataOnly;
    private LargeObjects largeObjects = LargeObjects.ALL;
    private boolean reproducible;
    private Encryption encryption;
    private final Map<String, String> where = new LinkedHashMap<>();
    private final Map<String, Long> limits = new LinkedHashMap<>();
    private boolean followForeignKeys = true;
    private int followReferencing;
    private final Map<String, Mask> masks = new LinkedHashMap<>();
    private byte[] maskingKey;
    private ObjectFilter filter = ObjectFilter.ALL;
    private boolean schemasChosen;

    Backup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The schema to back up; {@code public} unless set.
     *
     * @param name the schema's name
     * @return this builder
     */
    public Backup schema(String name) {
        return schemas(name);
    }

    /**
     * The schemas to back up, replacing any chosen before; objects of one may refer to another.
     *
     * @param names the schemas' names
     * @return this builder
     */
    public Backup schemas(String... names) {
        schemas.clear();
        schemas.addAll(Arrays.asList(names));
        schemasChosen = true;
        allSchemas = false;
        return this;
    }

    /**
     * Backs up every schema the role may use, except PostgreSQL's own ({@code pg_catalog},
     * {@code information_schema}, {@code pg_toast} and the like) and schemas an extension created.
     *
     * @return this builder
     */
    public Backup allSchemas() {
        schemas.clear();
        allSchemas = true;
        return this;
    }

    /**
     * Restricts the backup to these tables of the schema; without this call every table is backed up.
     * Sequences that the chosen tables own or use in defaults come along.
     *
     * @param names table names; may be called again to add more
     * @return this builder
     */
    public Backup tables(String... names) {
        tables.addAll(List.of(names));
        return this;
    }

    /**
     * Leaves out the tables whose names match any of these patterns ({@code *} matches any run of characters,
     * {@code ?} one character; a pattern with a dot is matched against {@code schema.table}). Their partitions and
     * inheriting tables, and views over them, are left out too.
     *
     * @param patterns table name patterns; may be called again to add more
     * @return this builder
     */
    public Backup excludeTables(String... patterns) {
        excludedTables.addAll(Arrays.asList(patterns));
        return this;
    }

    /**
     * How many rows each {@code INSERT} statement carries.
     *
     * @param rows at least 1; {@value #DEFAULT_ROWS_PER_INSERT} by default
     * @return this builder
     */
    public Backup rowsPerInsert(int rows) {
        this.rowsPerInsert = rows;
        return this;
    }

    /**
     * Makes the script run under {@code SET session_replication_role = replica}, as the original Node.js
     * tool did, so triggers and foreign keys do not fire while it loads. Restoring such a script needs a
     * superuser (or, on PostgreSQL 15 and later, a role granted {@code SET} on that parameter); the default
     * layout needs neither because keys and triggers are created after the data.
     *
     * @return this builder
     */
    public Backup replicaSessionRole() {
        this.replicaSessionRole = true;
        return this;
    }

    /**
     * Proceeds even when row-level security hides some rows of a table from the backup role, as pg_dump's
     * {@code --enable-row-security} does. Without it such a backup fails rather than silently write fewer rows;
     * with it the file's header and {@link BackupResult#notes()} name the tables concerned.
     *
     * @return this builder
     */
    public Backup enableRowSecurity() {
        this.rowSecurity = true;
        return this;
    }

    /**
     * Writes owners ({@code ALTER ... OWNER TO}) and access privileges ({@code GRANT}, {@code REVOKE}) as the source
     * has them. Off by default, so that the restoring role owns everything; restoring a file made with it needs a
     * role that may act as every owner (usually a superuser) and the same roles in the target cluster.
     *
     * @return this builder
     */
    public Backup ownershipAndPrivileges() {
        this.privileges = true;
        return this;
    }

    /**
     * Which large objects to keep: {@link LargeObjects#ALL} unless set (none in a schema-only backup).
     *
     * @param which all, those the role may read, or none
     * @return this builder
     */
    public Backup largeObjects(LargeObjects which) {
        this.largeObjects = which;
        return this;
    }

    /**
     * Writes only the definitions: no rows, no sequence values, no large objects, no refresh of materialized views.
     *
     * @return this builder
     */
    public Backup schemaOnly() {
        this.schemaOnly = true;
        return this;
    }

    /**
     * Writes only the rows (parents before the tables that reference them) and the sequence values, for a database
     * whose definitions exist already.
     *
     * @return this builder
     */
    public Backup dataOnly() {
        this.dataOnly = true;
        return this;
    }

    /**
     * How rows are written; {@link Format#INSERTS} unless set.
     *
     * @param format the format
     * @return this builder
     */
    public Backup format(Format format) {
        this.format = format;
        return this;
    }

    /**
     * How many connections read tables at once, all on one exported snapshot, so the script is still one point in
     * time and its order does not change. Tables read ahead of their turn wait in temporary files.
     *
     * @param connections at least 1; 1 by default
     * @return this builder
     */
    public Backup parallelism(int connections) {
        this.parallelism = connections;
        return this;
    }

    /**
     * Compresses the script with gzip. A file whose name ends in {@code .gz} is compressed without this call.
     *
     * @return this builder
     */
    public Backup gzip() {
        return compression(Compression.GZIP);
    }

    /**
     * Compresses the script with Zstandard. A file whose name ends in {@code .zst} is compressed without this call.
     *
     * @return this builder
     */
    public Backup zstd() {
        return compression(Compression.ZSTD);
    }

    /**
     * How the script is compressed; without this call, as its file name says ({@code .gz}, {@code .zst}) or not
     * at all.
     *
     * @param compression the compression
     * @return this builder
     */
    public Backup compression(Compression compression) {
        this.compression = compression;
        return this;
    }

    /**
     * The compression level: 1 to 9 for gzip (1 unless set: the fastest, as backups are large), 1 to 22 for
     * Zstandard (3 unless set, its own default).
     *
     * @param level the level
     * @return this builder
     */
    public Backup compressionLevel(int level) {
        this.compressionLevel = level;
        return this;
    }

    /**
     * Tells a listener as each table starts and finishes.
     *
     * @param listener the listener; thread-safe if {@link #parallelism(int)} is above 1
     * @return this builder
     */
    public Backup progressListener(ProgressListener listener) {
        this.progress = listener;
        return this;
    }

    /**
     * Adds a renderer for the {@code INSERT} format, tried before those found with {@code ServiceLoader} and before
     * Persistor's own.
     *
     * @param renderer the renderer
     * @return this builder
     */
    public Backup typeRenderer(TypeRenderer renderer) {
        typeRenderers.add(Objects.requireNonNull(renderer, "renderer"));
        return this;
    }

    /**
     * Encrypts the file (after compressing it), streaming: no unencrypted byte is written anywhere.
     *
     * @param encryption a passphrase or recipients' public keys
     * @return this builder
     */
    public Backup encrypt(Encryption encryption) {
        this.encryption = Objects.requireNonNull(encryption, "encryption");
        return this;
    }

    /**
     * Leaves the time out of the header, so that two backups of the same state are the same bytes: fixture files
     * kept in version control then change only where the data or the schema did.
     *
     * @return this builder
     */
    public Backup reproducible() {
        this.reproducible = true;
        return this;
    }

    /**
     * Keeps only the rows of a table that match a condition (a subset backup). Unless
     * {@link #followForeignKeys(boolean)} is turned off, the rows they reference are kept too, transitively (through
     * composite and self-referencing keys and cycles), so the file restores with every foreign key valid; the other
     * tables linked to this one by foreign keys keep only such rows, and tables not linked to it keep all theirs.
     * The server computes the subset, in the backup's snapshot, without temporary tables.
     *
     * @param table     {@code schema.table}, or a table name found in exactly one of the backup's schemas
     * @param condition an SQL boolean expression over the table's columns, such as
     *                  {@code created_at > now() - interval '30 days'}
     * @return this builder
     */
    public Backup where(String table, String condition) {
        where.put(table, condition);
        return this;
    }

    /**
     * Keeps at most this many rows of a table, the first in primary-key order (physical order without one), after
     * its {@link #where(String, String)} condition; with foreign keys followed as there.
     *
     * @param table {@code schema.table}, or a table name found in exactly one of the backup's schemas
     * @param rows  how many, at least 0
     * @return this builder
     */
    public Backup limit(String table, long rows) {
        limits.put(table, rows);
        return this;
    }

    /**
     * Whether a subset keeps the rows its kept rows reference (on by default). Off, {@link #where(String, String)}
     * and {@link #limit(String, long)} only filter their own tables, and foreign keys into them may fail on restore.
     *
     * @param follow whether to follow them
     * @return this builder
     */
    public Backup followForeignKeys(boolean follow) {
        this.followForeignKeys = follow;
        return this;
    }

    /**
     * Also keeps, in a subset, the rows that reference kept rows, down to this many steps (and the rows those
     * reference). From a table many others reference, one step can reach most of the database.
     *
     * @param depth how many steps; 0 (the default) keeps none
     * @return this builder
     */
    public Backup followReferencing(int depth) {
        this.followReferencing = depth;
        return this;
    }

    /**
     * Writes a column's values masked: a fake made by the mask's transformer stands for each value, in both formats,
     * and the original never reaches the file. A foreign key's columns at the other end are masked alike (so the
     * key still matches), and refusals come before anything is read: a NULL mask on a {@code NOT NULL} column, a
     * mask that may merge values on a column unique on its own, a row-dependent mask on a foreign key, a generated
     * or partition-key column. The file's header lists the masks, never the key.
     *
     * @param column {@code schema.table.column}, or {@code table.column} when the table is in exactly one of the
     *               backup's schemas, as the catalog spells them
     * @param mask   the mask, such as {@link Masks#email()}
     * @return this builder
     */
    public Backup mask(String column, Mask mask) {
        masks.put(column, mask);
        return this;
    }

    /**
     * The secret the masks derive their fakes from. The same key and data give the same fakes in every run (and,
     * with {@link #reproducible()}, the same file); without one, each backup draws a random key, so its fakes match
     * no other backup's.
     *
     * @param secret at least 16 characters; keep it out of the source code (an environment variable, a file)
     * @return this builder
     */
    public Backup maskingKey(String secret) {
        this.maskingKey = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /**
     * Backs up only what a filter file takes, in PostgreSQL 17's {@code pg_dump --filter} format:
     * {@code include|exclude table|table_and_children|schema PATTERN} and {@code exclude table_data PATTERN} (the
     * table's definition without its rows). Table includes act as {@link #tables(String...)} does (with
     * partitions, no views); schema includes pick among every schema the role may use when no
     * {@link #schema(String)} is given; excludes narrow what the other options choose.
     *
     * @param filterFile the filter file
     * @return this builder
     * @throws PersistorException naming the line of anything the file holds that Persistor cannot take
     */
    public Backup filter(Path filterFile) {
        this.filter = filter.and(ObjectFilter.read(filterFile));
        return this;
    }

    /**
     * Lets {@link #to(Path)} replace a file that exists; without this an existing file is refused before anything
     * is read.
     *
     * @return this builder
     */
    public Backup overwrite() {
        this.overwrite = true;
        return this;
    }

    /**
     * Runs the backup and publishes it at {@code file}. The file appears only when the backup is complete;
     * on failure nothing is left behind. A name ending in {@code .gz} means gzip compression. An existing file is
     * refused unless {@link #overwrite()}.
     *
     * @param file where the script goes; its directory must exist
     * @return what was written
     * @throws PersistorException when an option is invalid or the backup fails
     */
    public BackupResult to(Path file) {
        Objects.requireNonNull(file, "file");
        BackupPlan plan = plan(file.getFileName().toString());
        PersistorProvider provider = Providers.provider();
        return provider.backup(plan, provider.fileSink(file, overwrite));
    }

    /**
     * Runs the backup into a stream the caller owns; it is flushed, not closed. A failed backup may have written
     * part of a script to it (which lacks the closing marker).
     *
     * @param stream where the script goes
     * @return what was written; its {@code file} is {@code null}
     * @throws PersistorException when an option is invalid or the backup fails
     */
    public BackupResult to(OutputStream stream) {
        Objects.requireNonNull(stream, "stream");
        BackupPlan plan = plan("");
        PersistorProvider provider = Providers.provider();
        return provider.backup(plan, provider.streamSink(stream));
    }

    /**
     * Runs the backup into a sink, which is told to commit when the script is complete and to abort otherwise.
     *
     * @param sink where the script goes
     * @return what was written
     * @throws PersistorException when an option is invalid or the backup fails
     */
    public BackupResult to(OutputSink sink) {
        Objects.requireNonNull(sink, "sink");
        BackupPlan plan = plan("");
        return Providers.provider().backup(plan, sink);
    }

    private BackupPlan plan(String fileName) {
        List<String> problems = new ArrayList<>();
        if (!allSchemas && (schemas.isEmpty() || schemas.stream().anyMatch(s -> s == null || s.isEmpty()))) {
            problems.add("schema must be a non-empty name, but got " + schemas);
        }
        if (excludedTables.stream().anyMatch(t -> t == null || t.isEmpty())) {
            problems.add("excludeTables(...) must give patterns, but got an empty or null one in " + excludedTables);
        }
        if (tables.stream().anyMatch(t -> t == null || t.isEmpty())) {
            problems.add("tables(...) must name tables, but got an empty or null name in " + tables);
        }
        if (rowsPerInsert < 1) {
            problems.add("rowsPerInsert must be at least 1, but was " + rowsPerInsert);
        }
        if (parallelism < 1) {
            problems.add("parallelism must be at least 1, but was " + parallelism);
        }
        if (schemaOnly && dataOnly) {
            problems.add("schemaOnly() and dataOnly() exclude each other");
        }
        if (format == null) {
            problems.add("format must be INSERTS or COPY, but was null");
        }
        if (largeObjects == null) {
            problems.add("largeObjects must be ALL, READABLE or NONE, but was null");
        }
        if (compression == null) {
            problems.add("compression must be NONE, GZIP or ZSTD, but was null");
        }
        Compression chosen = compression != Compression.NONE ? compression
                : fileName.endsWith(".gz") ? Compression.GZIP
                : fileName.endsWith(".zst") ? Compression.ZSTD : Compression.NONE;
        int maxLevel = chosen == Compression.ZSTD ? 22 : 9;
        if (compressionLevel != 0 && chosen == Compression.NONE) {
            problems.add("compressionLevel needs a compression, but the script is not compressed");
        } else if (compressionLevel != 0 && (compressionLevel < 1 || compressionLevel > maxLevel)) {
            problems.add("compressionLevel must be 1 to " + maxLevel + " for " + chosen + ", but was "
                    + compressionLevel);
        }
        where.forEach((table, condition) -> {
            if (table == null || table.isEmpty() || condition == null || condition.isBlank()) {
                problems.add("where(...) needs a table and a condition, but got " + table + ": " + condition);
            }
        });
        limits.forEach((table, rows) -> {
            if (table == null || table.isEmpty() || rows == null || rows < 0) {
                problems.add("limit(...) needs a table and a number of rows of at least 0, but got " + table + ": "
                        + rows);
            }
        });
        if (followReferencing < 0) {
            problems.add("followReferencing must be at least 0, but was " + followReferencing);
        }
        if ((!where.isEmpty() || !limits.isEmpty()) && schemaOnly) {
            problems.add("where(...) and limit(...) choose rows, and schemaOnly() writes none");
        }
        masks.forEach((column, mask) -> {
            if (column == null || column.chars().filter(c -> c == '.').count() < 1 || mask == null) {
                problems.add("mask(...) needs a column as table.column or schema.table.column and a mask, but got "
                        + column + ": " + mask);
            }
        });
        if (!masks.isEmpty() && schemaOnly) {
            problems.add("mask(...) changes rows, and schemaOnly() writes none");
        }
        if (maskingKey != null && maskingKey.length < 16) {
            problems.add("maskingKey must be at least 16 bytes, but was " + maskingKey.length);
        }
        if (!problems.isEmpty()) {
            throw new PersistorException("Invalid backup options: " + String.join("; ", problems));
        }
        // A filter file that names schemas or tables picks among all schemas unless the schemas were chosen.
        boolean everySchema = allSchemas || !schemasChosen && (filter.includesSchemas() || filter.includesTables());
        return new BackupPlan(dataSource, List.copyOf(new LinkedHashSet<>(schemas)), everySchema, tables,
                excludedTables,
                rowsPerInsert, replicaSessionRole, rowSecurity, privileges, format, parallelism, chosen, compressionLevel,
                progress == null ? new ProgressListener() { } : progress, typeRenderers, schemaOnly, dataOnly,
                schemaOnly ? LargeObjects.NONE : largeObjects, reproducible, encryption,
                new SubsetPlan(where, limits, followForeignKeys, followReferencing), new MaskPlan(masks, maskingKey),
                filter);
    }
}
