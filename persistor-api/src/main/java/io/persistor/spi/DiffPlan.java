package io.persistor.spi;

import io.persistor.Hazard;
import io.persistor.model.Catalog;
import io.persistor.model.QualifiedName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The validated options of one schema comparison: two data sources to read, or two catalogs read already.
 *
 * @param source           the source database, or {@code null} when {@code sourceCatalog} is given
 * @param target           the target database, or {@code null} when {@code targetCatalog} is given
 * @param sourceCatalog    the source catalog, or {@code null}
 * @param targetCatalog    the target catalog, or {@code null}
 * @param schemas          the source's schemas to compare
 * @param schemaMap        source schema to target schema, for schemas named differently on the two sides
 * @param allowed          the hazards a migration statement may have and still be written
 * @param online           whether the migration avoids long locks: concurrent index builds, constraints added
 *                         {@code NOT VALID} and validated after
 * @param lockTimeout      the {@code lock_timeout} the migration sets first, or {@code null} for none
 * @param statementTimeout the {@code statement_timeout} the migration sets first, or {@code null} for none
 * @param renames          tables and columns the target has under other names, renamed rather than dropped and
 *                         created
 */
public record DiffPlan(DataSource source, DataSource target, Catalog sourceCatalog,
                       Catalog targetCatalog, List<String> schemas, Map<String, String> schemaMap,
                       Set<Hazard> allowed, boolean online, Duration lockTimeout, Duration statementTimeout,
                       List<Rename> renames) {

    /**
     * A table or column that the target calls by another name than the source.
     *
     * @param table  the table as the target names it
     * @param column the column as the target names it, or {@code null} when the table itself is renamed
     * @param to     the source's name for the table (in the same schema) or the column
     */
    public record Rename(QualifiedName table, String column, String to) {
    }

    /** Copies the collections. */
    public DiffPlan {
        schemas = List.copyOf(schemas);
        schemaMap = Map.copyOf(schemaMap);
        allowed = Set.copyOf(allowed);
        renames = List.copyOf(renames);
    }

    /**
     * The target schema that plays the part of a source schema.
     *
     * @param sourceSchema a source schema
     * @return its target counterpart, the same name unless mapped
     */
    public String targetSchema(String sourceSchema) {
        return schemaMap.getOrDefault(sourceSchema, sourceSchema);
    }
}
