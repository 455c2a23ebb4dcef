package io.persistor;

import io.persistor.model.Catalog;
import io.persistor.model.QualifiedName;
import io.persistor.spi.DiffPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Compares two databases' schemas and writes the migration that makes the target match the source.
 *
 * <pre>{@code
 * SchemaComparison comparison = SchemaDiff.between(production, staging).schemas("public").compute();
 * if (!comparison.isEmpty()) {
 *     System.out.print(comparison.report());
 * }
 * }</pre>
 *
 * <p>Definitions are compared as the server renders them, normalised for white space, so identical schemas on
 * different majors compare equal. A builder is single-use and not thread-safe.
 */
public final class SchemaDiff {

    private final DataSource sourceDataSource;
    private final DataSource targetDataSource;
    private final Catalog sourceCatalog;
    private final Catalog targetCatalog;
    private final List<String> schemas = new ArrayList<>(List.of("public"));
    private final Map<String, String> schemaMap = new LinkedHashMap<>();
    private final Set<Hazard> allowed = EnumSet.noneOf(Hazard.class);
    private final Set<Hazard> refused = EnumSet.noneOf(Hazard.class);
    private final List<DiffPlan.Rename> renames = new ArrayList<>();
    private boolean online;
    private Duration lockTimeout;
    private Duration statementTimeout;

    private SchemaDiff(DataSource source, DataSource target, Catalog sourceCatalog, Catalog targetCatalog) {
        this.sourceDataSource = source;
        this.targetDataSource = target;
        this.sourceCatalog = sourceCatalog;
        this.targetCatalog = targetCatalog;
    }

    /**
     * Compares two live databases; each is read in one snapshot with the privileges a backup needs.
     *
     * @param source the database the target should match
     * @param target the database to compare with it
     * @return a builder
     */
    public static SchemaDiff between(DataSource source, DataSource target) {
        return new SchemaDiff(Objects.requireNonNull(source, "source"), Objects.requireNonNull(target, "target"),
                null, null);
    }

    /**
     * Compares two catalogs read earlier through a {@link io.persistor.spi.CatalogReader}; {@link #schemas} and
     * {@link #mapSchema} do not apply to what was read, only to how names are matched.
     *
     * @param source the catalog the target should match
     * @param target the catalog to compare with it
     * @return a builder
     */
    public static SchemaDiff between(Catalog source, Catalog target) {
        return new SchemaDiff(null, null, Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(target, "target"));
    }

    /**
     * The source's schemas to compare; {@code public} unless set.
     *
     * @param names the schemas
     * @return this builder
     */
    public SchemaDiff schemas(String... names) {
        schemas.clear();
        schemas.addAll(List.of(names));
        return this;
    }

    /**
     * Compares a source schema with a differently named target schema, as the original tool's
     * {@code --s-schema}/{@code --t-schema} did.
     *
     * @param sourceSchema the schema in the source
     * @param targetSchema the schema in the target that plays its part
     * @return this builder
     */
    public SchemaDiff mapSchema(String sourceSchema, String targetSchema) {
        schemaMap.put(sourceSchema, targetSchema);
        return this;
    }

    /**
     * Writes statements that lose data or rewrite tables (drops of tables, columns and types, column type changes)
     * into the migration instead of as hazard comments: the same as {@code allow(DATA_LOSS, TABLE_REWRITE)}.
     *
     * @return this builder
     */
    public SchemaDiff allowDestructive() {
        return allow(Hazard.DATA_LOSS, Hazard.TABLE_REWRITE);
    }

    /**
     * Writes statements with these hazards into the migration; {@link Hazard#allowedByDefault()} says which are
     * written unless refused.
     *
     * @param hazards the hazards to allow
     * @return this builder
     */
    public SchemaDiff allow(Hazard... hazards) {
        allowed.addAll(List.of(hazards));
        return this;
    }

    /**
     * Leaves statements with these hazards out of the migration, as hazard comments.
     *
     * @param hazards the hazards to refuse
     * @return this builder
     */
    public SchemaDiff refuse(Hazard... hazards) {
        refused.addAll(List.of(hazards));
        return this;
    }

    /**
     * Writes a migration that keeps tables readable and writable while it runs: indexes on existing tables built and
     * dropped {@code CONCURRENTLY} (a changed index built under a new name, then swapped in), foreign keys and checks
     * added {@code NOT VALID} and validated on their own, {@code SET NOT NULL} proven by a validated check first,
     * unique and primary keys attached {@code USING INDEX} built concurrently. Unless {@link #timeouts} says
     * otherwise, the migration starts with {@code SET lock_timeout = '5s'} and {@code SET statement_timeout = '1h'}.
     * Steps that must run on their own are marked ({@link MigrationStep#transactional()}); where PostgreSQL has no
     * online form (partitioned tables' indexes, exclusion constraints) the blocking statement is written with a note.
     *
     * @return this builder
     */
    public SchemaDiff onlineSafe() {
        online = true;
        return this;
    }

    /**
     * Starts the migration with {@code SET lock_timeout} and {@code SET statement_timeout}, so a statement that waits
     * for a lock or runs too long fails instead of stalling the application.
     *
     * @param lock      the longest wait for a lock, or {@code null} to set none
     * @param statement the longest run of one statement, or {@code null} to set none
     * @return this builder
     */
    public SchemaDiff timeouts(Duration lock, Duration statement) {
        lockTimeout = lock == null ? Duration.ZERO : lock;
        statementTimeout = statement == null ? Duration.ZERO : statement;
        return this;
    }

    /**
     * Declares that a target table is the source's table of another name, so the migration renames it
     * ({@code ALTER TABLE ... RENAME TO}) instead of dropping it with its rows and creating the other.
     *
     * @param table the table as the target names it, {@code schema.name}
     * @param to    its name in the source, in the same schema
     * @return this builder
     */
    public SchemaDiff renameTable(String table, String to) {
        renames.add(new DiffPlan.Rename(qualifiedName(table), null, Objects.requireNonNull(to, "to")));
        return this;
    }

    /**
     * Declares that a target column is the source's column of another name, so the migration renames it
     * ({@code ALTER TABLE ... RENAME COLUMN}) instead of dropping it with its values and adding the other.
     *
     * @param table  the table as the target names it, {@code schema.name}
     * @param column the column as the target names it
     * @param to     its name in the source
     * @return this builder
     */
    public SchemaDiff renameColumn(String table, String column, String to) {
        renames.add(new DiffPlan.Rename(qualifiedName(table), Objects.requireNonNull(column, "column"),
                Objects.requireNonNull(to, "to")));
        return this;
    }

    private static QualifiedName qualifiedName(String table) {
        int dot = table == null ? -1 : table.indexOf('.');
        if (dot <= 0 || dot == table.length() - 1) {
            throw new PersistorException("Invalid rename: a table is named schema.table, but got " + table);
        }
        return new QualifiedName(table.substring(0, dot), table.substring(dot + 1));
    }

    /**
     * Reads both sides (when given as data sources) and compares them.
     *
     * @return the differences and the migration
     * @throws PersistorException when a side cannot be read
     */
    public SchemaComparison compute() {
        if (schemas.isEmpty() || schemas.stream().anyMatch(s -> s == null || s.isEmpty())) {
            throw new PersistorException("Invalid comparison options: schemas must be non-empty names, but got "
                    + schemas);
        }
        Set<Hazard> written = EnumSet.noneOf(Hazard.class);
        for (Hazard hazard : Hazard.values()) {
            if ((hazard.allowedByDefault() || allowed.contains(hazard)) && !refused.contains(hazard)) {
                written.add(hazard);
            }
        }
        Duration lock = lockTimeout != null ? lockTimeout : online ? Duration.ofSeconds(5) : Duration.ZERO;
        Duration statement = statementTimeout != null ? statementTimeout : online ? Duration.ofHours(1)
                : Duration.ZERO;
        DiffPlan plan = new DiffPlan(sourceDataSource, targetDataSource, sourceCatalog, targetCatalog, schemas,
                schemaMap, written, online, lock.isZero() ? null : lock, statement.isZero() ? null : statement,
                renames);
        return Providers.provider().compare(plan);
    }
}
