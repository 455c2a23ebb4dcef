package io.persistor.core.internal.diff;

import io.persistor.MigrationStep;
import io.persistor.MigrationVerification;
import io.persistor.Persistor;
import io.persistor.PersistorException;
import io.persistor.SchemaComparison;
import io.persistor.SchemaDiff;
import io.persistor.spi.DiffPlan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Proves a migration: copies the target's schema (definitions only) into a scratch database, runs the written
 * statements there (those that must run outside a transaction on their own, the others in transactions between
 * them), and compares the source with the result.
 */
final class MigrationVerifier implements SchemaComparison.Verifier {

    private final DiffPlan plan;

    MigrationVerifier(DiffPlan plan) {
        this.plan = plan;
    }

    @Override
    public MigrationVerification verify(SchemaComparison comparison, DataSource scratch) {
        List<String> targetSchemas = plan.schemas().stream().map(plan::targetSchema).toList();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        Persistor.backup(plan.target()).schemas(targetSchemas.toArray(String[]::new)).schemaOnly().to(copy);
        // Not in one transaction: the scratch copy need not be atomic, and dropping a large schema's earlier copy and
        // creating the new one together could need more locks than the server has slots for.
        Persistor.restore(scratch).cleanFirst().singleTransaction(false)
                .from(new ByteArrayInputStream(copy.toByteArray()));
        int leftOut = (int) comparison.steps().stream().filter(s -> !s.written()).count();
        String failure = apply(comparison.steps(), scratch);
        if (failure != null) {
            return new MigrationVerification(List.of(), failure, leftOut);
        }
        SchemaDiff again = SchemaDiff.between(plan.source(), scratch).schemas(plan.schemas().toArray(String[]::new));
        for (Map.Entry<String, String> mapping : plan.schemaMap().entrySet()) {
            again.mapSchema(mapping.getKey(), mapping.getValue());
        }
        return new MigrationVerification(again.compute().differences(), null, leftOut);
    }

    /** Runs the written steps; returns the first error with its statement, or {@code null}. */
    private static String apply(List<MigrationStep> steps, DataSource scratch) {
        try (Connection connection = scratch.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (MigrationStep step : steps) {
                if (!step.written()) {
                    continue;
                }
                if (!step.transactional()) {
                    connection.commit();
                    connection.setAutoCommit(true);
                }
                try {
                    statement.execute(step.sql());
                } catch (SQLException e) {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                    return e.getMessage() + " in: " + step.sql();
                }
                if (!step.transactional()) {
                    connection.setAutoCommit(false);
                }
            }
            connection.commit();
            return null;
        } catch (SQLException e) {
            throw new PersistorException("Cannot verify the migration on the scratch database: " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }
}
