package io.persistor;

import io.persistor.model.Catalog;
import io.persistor.spi.DiffPlan;
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
        DiffPlan plan = new DiffPlan(sourceDataSource, targetDataSource, sourceCatalog, targetCatalog, schemas,
                schemaMap, written);
        return Providers.provider().compare(plan);
    }
}
