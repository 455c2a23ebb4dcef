package io.persistor.compat;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.AccessModifier;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiParameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The binary-incompatible changes between two jars of the API, as japicmp finds them among public and protected
 * types and members, one line each: the type or member, then what changed.
 */
final class BinaryBreaks {

    private BinaryBreaks() {
    }

    static List<String> between(Path baseline, Path current) {
        JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
        options.setAccessModifier(AccessModifier.PROTECTED);
        List<JApiClass> classes = new JarArchiveComparator(options).compare(
                new JApiCmpArchive(baseline.toFile(), "baseline"), new JApiCmpArchive(current.toFile(), "current"));
        List<String> breaks = new ArrayList<>();
        for (JApiClass type : classes) {
            String name = type.getFullyQualifiedName();
            add(breaks, name, type.getCompatibilityChanges());
            type.getConstructors().forEach(c -> add(breaks, name + c.getParameters().stream()
                    .map(JApiParameter::getType).collect(Collectors.joining(", ", "(", ")")), c.getCompatibilityChanges()));
            type.getMethods().forEach(m -> add(breaks, name + "." + m.getName() + m.getParameters().stream()
                    .map(JApiParameter::getType).collect(Collectors.joining(", ", "(", ")")), m.getCompatibilityChanges()));
            type.getFields().forEach(f -> add(breaks, name + "." + f.getName(), f.getCompatibilityChanges()));
            type.getInterfaces().forEach(i -> add(breaks, name + " implements " + i.getFullyQualifiedName(),
                    i.getCompatibilityChanges()));
            add(breaks, name + " superclass", type.getSuperclass().getCompatibilityChanges());
        }
        return breaks;
    }

    private static void add(List<String> breaks, String subject, List<JApiCompatibilityChange> changes) {
        String binary = changes.stream()
                .filter(change -> !change.isBinaryCompatible())
                .map(change -> change.getType().name())
                .collect(Collectors.joining(", "));
        if (!binary.isEmpty()) {
            breaks.add(subject + ": " + binary);
        }
    }
}
