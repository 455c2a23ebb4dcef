package io.persistor.model;

/**
 * A collation made with {@code CREATE COLLATION}.
 *
 * @param name          its qualified name
 * @param provider      {@code libc}, {@code icu} or {@code builtin}
 * @param collate       for libc, {@code LC_COLLATE}; otherwise {@code null}
 * @param ctype         for libc, {@code LC_CTYPE}; otherwise {@code null}
 * @param locale        for icu and builtin, the locale; otherwise {@code null}
 * @param rules         ICU tailoring rules (PostgreSQL 16 and later), or {@code null}
 * @param deterministic whether equal means byte-wise equal
 * @param comment       its comment, or {@code null}
 */
public record Collation(QualifiedName name, String provider, String collate, String ctype, String locale, String rules,
                        boolean deterministic, String comment) {
}
