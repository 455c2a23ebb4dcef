package io.persistor.spi;

import io.persistor.Compression;
import io.persistor.Encryption;
import io.persistor.Format;
import io.persistor.LargeObjects;
import io.persistor.ObjectFilter;
import io.persistor.ProgressListener;
import java.util.List;
import javax.sql.DataSource;

/**
 * The validated, immutable options of one backup, as the builder hands them to a provider.
 *
 * @param dataSource         where to read from
 * @param schemas            the schemas to back up, as the catalog names them; ignored with {@code allSchemas}
 * @param allSchemas         whether to back up every schema the role may use, except system schemas
 * @param tables             the tables to back up within those schemas; empty means all
 * @param excludedTables     patterns of tables to leave out ({@code *} and {@code ?} wildcards; a pattern with a
 *                           dot matches {@code schema.table})
 * @param rowsPerInsert      rows per {@code INSERT} statement, at least 1
 * @param replicaSessionRole whether the script sets {@code session_replication_role = replica}
 * @param rowSecurity        whether to proceed when row-level security hides rows from the backup role
 * @param privileges         whether the script sets owners and access privileges as the source has them
 * @param format             how rows are written
 * @param parallelism        how many connections read tables at once, at least 1
 * @param compression        how the script is compressed
 * @param compressionLevel   the compression's level, or 0 for Persistor's default
 * @param progress           told as tables start and finish; never {@code null}
 * @param typeRenderers      renderers given to the builder, tried before those found with {@code ServiceLoader}
 * @param schemaOnly         whether to write only the definitions (no rows, sequence values or refreshes)
 * @param dataOnly           whether to write only the rows, sequence values and large objects
 * @param largeObjects       which large objects to keep; {@link LargeObjects#NONE} with {@code schemaOnly}
 * @param reproducible       whether the header leaves out the time, so that two backups of the same state are the
 *                           same bytes
 * @param encryption         how the file is encrypted, or {@code null}
 * @param subset             which rows to keep; {@link SubsetPlan#NONE} for all
 * @param masking            which columns to mask; {@link MaskPlan#NONE} for none
 * @param filter             which schemas, tables and table data a filter file takes, within the schemas above;
 *                           {@link ObjectFilter#ALL} for all
 */
public record BackupPlan(DataSource dataSource, List<String> schemas, boolean allSchemas, List<String> tables,
                         List<String> excludedTables,
                         int rowsPerInsert, boolean replicaSessionRole, boolean rowSecurity, boolean privileges,
                         Format format, int parallelism, Compression compression, int compressionLevel,
                         ProgressListener progress,
                         List<TypeRenderer> typeRenderers, boolean schemaOnly, boolean dataOnly,
                         LargeObjects largeObjects, boolean reproducible, Encryption encryption,
                         SubsetPlan subset, MaskPlan masking, ObjectFilter filter) {

    /** Copies the lists so the plan cannot change after validation. */
    public BackupPlan {
        schemas = List.copyOf(schemas);
        tables = List.copyOf(tables);
        excludedTables = List.copyOf(excludedTables);
        typeRenderers = List.copyOf(typeRenderers);
    }
}
