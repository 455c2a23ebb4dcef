package io.persistor;

import io.persistor.spi.PersistorProvider;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the {@link PersistorProvider} with {@link ServiceLoader}, failing clearly when there is none or a tie. */
final class Providers {

    private Providers() {
    }

    private static volatile PersistorProvider chosen;

    static PersistorProvider provider() {
        PersistorProvider provider = chosen;
        if (provider == null) {
            provider = select(ServiceLoader.load(PersistorProvider.class).stream()
                    .map(ServiceLoader.Provider::get)
                    .collect(Collectors.toList()));
            chosen = provider;
        }
        return provider;
    }

    static PersistorProvider select(List<PersistorProvider> found) {
        if (found.isEmpty()) {
            throw new PersistorException("No Persistor provider found on the class path. Add the dependency "
                    + "io.persistor:persistor-core (it registers META-INF/services/" + PersistorProvider.class.getName() + ").");
        }
        List<PersistorProvider> ranked = found.stream()
                .sorted(Comparator.comparingInt(PersistorProvider::priority).reversed())
                .collect(Collectors.toList());
        if (ranked.size() > 1 && ranked.get(0).priority() == ranked.get(1).priority()) {
            throw new PersistorException("Several Persistor providers share the highest priority " + ranked.get(0).priority()
                    + ": " + ranked.get(0).getClass().getName() + " and " + ranked.get(1).getClass().getName()
                    + ". Remove one from the class path or give one a higher priority().");
        }
        return ranked.get(0);
    }
}
