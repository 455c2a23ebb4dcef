package io.persistor.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code persistor-api} jar against the baseline (the build passes both, and both versions): a
 * binary-incompatible change fails the build unless the version is a new major, or before 1.0 a new minor.
 */
class ApiCompatibilityIT {

    private static final Path CURRENT = Path.of(required("persistor.api.jar"));
    private static final Path BASELINE = Path.of(required("persistor.api.baseline"));

    @Test
    void theApiBreaksNothingItsVersionDoesNotAllow() {
        ApiVersion version = ApiVersion.parse(required("persistor.api.version"));
        ApiVersion baseline = ApiVersion.parse(required("persistor.api.baseline.version"));
        List<String> breaks = BinaryBreaks.between(BASELINE, CURRENT);
        List<String> refused = version.mayBreak(baseline) ? List.of() : breaks;

        assertThat(refused)
                .as("binary-incompatible changes from the baseline %s; keep them compatible, or change the "
                        + "version's major (before 1.0, its minor)", BASELINE.getFileName())
                .isEmpty();
    }

    @Test
    void findsNothingBetweenAJarAndItself() {
        assertThat(BinaryBreaks.between(CURRENT, CURRENT)).isEmpty();
    }

    @Test
    void findsAPublicTypeThatIsGone(@TempDir Path dir) throws IOException {
        Path withoutFormat = dir.resolve("without-format.jar");
        copyWithout(CURRENT, withoutFormat, "io/persistor/Format.class");

        assertThat(BinaryBreaks.between(CURRENT, withoutFormat))
                .anySatisfy(line -> assertThat(line).startsWith("io.persistor.Format: CLASS_REMOVED"));
    }

    private static void copyWithout(Path jar, Path copy, String removed) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar));
             OutputStream file = Files.newOutputStream(copy);
             JarOutputStream out = new JarOutputStream(file, in.getManifest())) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                if (!entry.getName().equals(removed)) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run through Maven "
                    + "(./mvnw verify -pl persistor-api), whose failsafe configuration passes it");
        }
        return value;
    }
}
