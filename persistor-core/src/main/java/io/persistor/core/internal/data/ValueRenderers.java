package io.persistor.core.internal.data;

import io.persistor.spi.TypeRenderer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Chooses how each column's values are written in the {@code INSERT} format: a renderer given to the builder, then
 * one found with {@link ServiceLoader} (highest priority first), then Persistor's own: integers and numerics bare,
 * other built-in types as literals, and types that are not built in as literals with an explicit cast.
 */
public final class ValueRenderers {

    private final List<TypeRenderer> renderers;

    /**
     * @param fromBuilder renderers given to the builder, in the order given
     */
    public ValueRenderers(List<TypeRenderer> fromBuilder) {
        List<TypeRenderer> found = new ArrayList<>();
        ServiceLoader.load(TypeRenderer.class, ValueRenderers.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparingInt(TypeRenderer::priority).reversed());
        this.renderers = new ArrayList<>(fromBuilder);
        this.renderers.addAll(found);
    }

    ValueWriter forType(String type) {
        for (TypeRenderer renderer : renderers) {
            if (renderer.supports(type)) {
                return ValueWriter.rendered(renderer, type);
            }
        }
        if (type.equals("smallint") || type.equals("integer") || type.equals("bigint") || type.startsWith("numeric")) {
            return ValueWriter.NUMBER;
        }
        // With an empty search path, format_type qualifies every type outside pg_catalog.
        return type.contains(".") ? ValueWriter.cast(type) : ValueWriter.LITERAL;
    }
}
