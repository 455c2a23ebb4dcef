package io.persistor.compat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a version that semantic versioning reads for compatibility: major and minor (a qualifier such as
 * {@code -SNAPSHOT} and the patch do not matter).
 */
record ApiVersion(int major, int minor) {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:[-.].*)?");

    static ApiVersion parse(String version) {
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a semantic version: '" + version + "'");
        }
        return new ApiVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /**
     * Whether going from {@code baseline} to this version may break binary compatibility: a new major, or before
     * 1.0 (where {@code 0.y} is read as a major) a new minor.
     */
    boolean mayBreak(ApiVersion baseline) {
        if (major != baseline.major) {
            return true;
        }
        return major == 0 && minor != baseline.minor;
    }
}
