package io.persistor.model;

/**
 * A range type.
 *
 * @param name           its qualified name
 * @param subtype        the element type as {@code format_type} renders it
 * @param subtypeOpclass the b-tree operator class if not the subtype's default, qualified; otherwise {@code null}
 * @param collation      its collation if not the subtype's default, qualified and quoted; otherwise {@code null}
 * @param canonical      the canonical function, qualified, or {@code null}
 * @param subtypeDiff    the difference function, qualified, or {@code null}
 * @param multirangeName the qualified name of its multirange type (PostgreSQL 14 and later), or {@code null}
 * @param comment        its comment, or {@code null}
 */
public record RangeType(QualifiedName name, String subtype, String subtypeOpclass, String collation, String canonical,
                        String subtypeDiff, QualifiedName multirangeName, String comment) {

    /** @return the key other objects' dependencies name it by */
    public ObjectKey key() {
        return ObjectKey.type(name);
    }
}
