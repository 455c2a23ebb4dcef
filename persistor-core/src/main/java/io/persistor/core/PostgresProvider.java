package io.persistor.core;

import io.persistor.BackupResult;
import io.persistor.BackupVerification;
import io.persistor.Decryption;
import io.persistor.RestoreResult;
import io.persistor.SchemaComparison;
import io.persistor.ScriptEntry;
import io.persistor.core.internal.backup.BackupJob;
import io.persistor.core.internal.backup.CatalogSnapshot;
import io.persistor.core.internal.diff.SchemaComparer;
import io.persistor.core.internal.restore.FileSource;
import io.persistor.core.internal.restore.RestoreJob;
import io.persistor.core.internal.restore.ScriptContents;
import io.persistor.core.internal.restore.ScriptVerifier;
import io.persistor.core.internal.sink.AtomicFileSink;
import io.persistor.core.internal.sink.StreamSink;
import io.persistor.model.Catalog;
import io.persistor.spi.BackupPlan;
import io.persistor.spi.DiffPlan;
import io.persistor.spi.InputSource;
import io.persistor.spi.OutputSink;
import io.persistor.spi.PersistorProvider;
import io.persistor.spi.RestorePlan;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** The PostgreSQL implementation of Persistor, registered for {@link java.util.ServiceLoader}. */
public final class PostgresProvider implements PersistorProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public PostgresProvider() {
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public BackupResult backup(BackupPlan plan, OutputSink sink) {
        return new BackupJob(plan, sink).run();
    }

    @Override
    public RestoreResult restore(RestorePlan plan, InputSource source) {
        return new RestoreJob(plan).run(source);
    }

    @Override
    public RestoreResult restore(RestorePlan plan, InputStream stream) {
        return new RestoreJob(plan).run(stream);
    }

    @Override
    public BackupVerification verify(InputSource source, Decryption decryption) {
        return ScriptVerifier.verify(source, decryption);
    }

    @Override
    public List<ScriptEntry> contents(InputSource source, Decryption decryption) {
        return ScriptContents.entries(source, decryption);
    }

    @Override
    public SchemaComparison compare(DiffPlan plan) {
        Supplier<Catalog> source = () -> plan.sourceCatalog() != null ? plan.sourceCatalog()
                : CatalogSnapshot.read(plan.source(), plan.schemas());
        Supplier<Catalog> target = () -> plan.targetCatalog() != null ? plan.targetCatalog()
                : CatalogSnapshot.read(plan.target(), plan.schemas().stream().map(plan::targetSchema).toList());
        // Two databases are read at once; one data source (a pool perhaps one connection large) one after the other.
        List<Catalog> catalogs = plan.source() == plan.target() ? List.of(source.get(), target.get())
                : CatalogSnapshot.readTogether(source, target);
        return SchemaComparer.compare(catalogs.get(0), catalogs.get(1), plan);
    }

    @Override
    public OutputSink fileSink(Path file, boolean overwrite) {
        return new AtomicFileSink(file, overwrite);
    }

    @Override
    public InputSource fileSource(Path file) {
        return new FileSource(file);
    }

    @Override
    public OutputSink streamSink(OutputStream stream) {
        return new StreamSink(stream);
    }
}
