package io.persistor.spi;

import io.persistor.Hazard;
import io.persistor.model.Catalog;
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
 */
public record DiffPlan(DataSource source, DataSource target, Catalog sourceCatalog,
                       Catalog targetCatalog, List<String> schemas, Map<String, String> schemaMap,
                       Set<Hazard> allowed) {

    /** Copies the collections. */
    public DiffPlan {
        schemas = List.copyOf(schemas);
        schemaMap = Map.copyOf(schemaMap);
        allowed = Set.copyOf(allowed);
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
