package io.persistor.core.internal.backup;

import static io.persistor.core.internal.script.SqlQuote.identifier;

import io.persistor.Mask;
import io.persistor.PersistorException;
import io.persistor.core.internal.data.RowMasker;
import io.persistor.model.Column;
import io.persistor.model.Constraint;
import io.persistor.model.QualifiedName;
import io.persistor.model.Table;
import io.persistor.spi.ColumnTransformer;
import io.persistor.spi.ColumnTransformerProvider;
import io.persistor.spi.MaskPlan;
import io.persistor.spi.MaskingKey;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which columns a backup masks, and with what: the columns the options name, and, so that every foreign key still
 * matches, the columns at the other end of each foreign key on a masked column, masked alike (transitively). A mask
 * on a partitioned table masks its partitions. Everything is checked before a row is read: that each column exists
 * and holds data, that a NULL mask meets no {@code NOT NULL}, that a column unique on its own keeps distinct values
 * distinct, that no row-dependent mask sits on a foreign key and no mask on a partition key.
 */
final class ColumnMasking implements Function<Table, RowMasker> {

    private static final ColumnMasking NONE = new ColumnMasking(Map.of(), List.of());

    private final Map<QualifiedName, RowMasker> maskers;
    private final List<String> description;

    private ColumnMasking(Map<QualifiedName, RowMasker> maskers, List<String> description) {
        this.maskers = maskers;
        this.description = description;
    }

    /** A masked column of a partition tree, named by the tree's top table. */
    private record Target(QualifiedName table, String column) {
        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    /** A column's mask and, when a foreign key brought it, the column it follows. */
    private record Assigned(Mask mask, Target from) {
    }

    /**
     * Plans the masks over the tables a backup writes.
     *
     * @param connection a connection in the backup's snapshot
     * @param plan       the masks the options ask for, and the key
     * @param tables     the tables the backup writes
     * @return the masking, whose {@link #apply(Table)} gives each table's masker
     * @throws SQLException      when the foreign keys cannot be read
     * @throws PersistorException naming the first option that cannot be honoured
     */
    static ColumnMasking plan(Connection connection, MaskPlan plan, List<Table> tables) throws SQLException {
        if (plan.isEmpty()) {
            return NONE;
        }
        Map<QualifiedName, Table> byName = tables.stream().collect(Collectors.toMap(Table::name, t -> t,
                (a, b) -> a, LinkedHashMap::new));
        Map<Target, Assigned> assigned = new LinkedHashMap<>();
        plan.masks().forEach((column, mask) -> assigned.put(target(column, byName), new Assigned(mask, null)));
        spread(assigned, ForeignKey.among(connection, byName), byName);

        MaskingKey key = new MaskingKey(plan.key() != null ? plan.key() : randomKey());
        Map<Mask, ColumnTransformer> transformers = new HashMap<>();
        for (Map.Entry<Target, Assigned> entry : assigned.entrySet()) {
            Mask mask = entry.getValue().mask();
            ColumnTransformer transformer = transformers.get(mask);
            if (transformer == null) {
                transformer = create(entry.getKey(), mask, key);
                transformers.put(mask, transformer);
            }
            check(entry.getKey(), mask, transformer, entry.getValue().from(), byName);
        }

        Map<QualifiedName, RowMasker> maskers = new HashMap<>();
        for (Table table : tables) {
            QualifiedName root = TableNames.root(table.name(), byName);
            if (table.partitioned() || assigned.keySet().stream().noneMatch(t -> t.table().equals(root))) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            List<String> masks = new ArrayList<>();
            List<ColumnTransformer> columnTransformers = new ArrayList<>();
            for (Column column : table.columns()) {
                if (column.holdsData()) {
                    Assigned mask = assigned.get(new Target(root, column.name()));
                    columns.add(column.name());
                    masks.add(mask == null ? null : mask.mask().toString());
                    columnTransformers.add(mask == null ? null : transformers.get(mask.mask()));
                }
            }
            int[] keyColumns = KeyColumns.primaryKey(table).stream().mapToInt(columns::indexOf).toArray();
            if (Arrays.stream(keyColumns).anyMatch(i -> i < 0)) {
                keyColumns = new int[0];
            }
            maskers.put(table.name(), new RowMasker(table.name().toString(), columns, masks, columnTransformers,
                    keyColumns));
        }
        List<String> description = assigned.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().mask()
                + (e.getValue().from() == null ? "" : " (by foreign key from " + e.getValue().from() + ")")).toList();
        return new ColumnMasking(maskers, description);
    }

    /**
     * What masks a table's rows.
     *
     * @param table a table the backup writes
     * @return its masker, or {@code null} when none of its columns is masked
     */
    @Override
    public RowMasker apply(Table table) {
        return maskers.get(table.name());
    }

    /**
     * The masked columns and their masks, for the script's header.
     *
     * @return one entry per column, such as {@code public.customer.email email}
     */
    List<String> description() {
        return description;
    }

    private static Target target(String column, Map<QualifiedName, Table> tables) {
        int dot = column.lastIndexOf('.');
        QualifiedName name = TableNames.resolve(column.substring(0, dot), tables, "mask");
        String columnName = column.substring(dot + 1);
        Table table = tables.get(name);
        Optional<Column> found = table.columns().stream().filter(c -> c.name().equals(columnName)).findFirst();
        if (found.isEmpty()) {
            throw new PersistorException("Invalid backup options: mask(\"" + column + "\", ...) names no column of "
                    + name);
        }
        if (!found.get().holdsData()) {
            throw new PersistorException("Invalid backup options: mask(\"" + column + "\", ...) names a generated "
                    + "column, which the file does not hold: mask the columns it is computed from");
        }
        return new Target(TableNames.root(name, tables), columnName);
    }

    /** Gives each column at the other end of a foreign key on a masked column the same mask, transitively. */
    private static void spread(Map<Target, Assigned> assigned, List<ForeignKey> keys,
            Map<QualifiedName, Table> tables) {
        Deque<Target> pending = new ArrayDeque<>(assigned.keySet());
        while (!pending.isEmpty()) {
            Target masked = pending.poll();
            Assigned mask = assigned.get(masked);
            for (ForeignKey key : keys) {
                QualifiedName child = TableNames.root(key.child(), tables);
                QualifiedName parent = TableNames.root(key.parent(), tables);
                for (int i = 0; i < key.columns().size(); i++) {
                    Target from = new Target(child, key.columns().get(i));
                    Target to = new Target(parent, key.referenced().get(i));
                    Target other = from.equals(masked) ? to : to.equals(masked) ? from : null;
                    if (other == null) {
                        continue;
                    }
                    Assigned existing = assigned.get(other);
                    if (existing == null) {
                        assigned.put(other, new Assigned(mask.mask(), masked));
                        pending.add(other);
                    } else if (!existing.mask().equals(mask.mask())) {
                        throw new PersistorException("Invalid backup options: " + masked + " and " + other
                                + " are the two ends of a foreign key, so they must be masked alike, but one is "
                                + mask.mask() + " and the other " + existing.mask());
                    }
                }
            }
        }
    }

    private static ColumnTransformer create(Target column, Mask mask, MaskingKey key) {
        try {
            for (ColumnTransformerProvider provider : ServiceLoader.load(ColumnTransformerProvider.class)) {
                Optional<ColumnTransformer> transformer = provider.create(mask.transformer(), mask.arguments(), key);
                if (transformer.isPresent()) {
                    return transformer.get();
                }
            }
        } catch (IllegalArgumentException e) {
            throw new PersistorException("Invalid backup options: the mask " + mask + " of " + column + ": "
                    + e.getMessage(), null, e);
        }
        throw new PersistorException("Invalid backup options: no transformer is named '" + mask.transformer()
                + "' (the mask of " + column + "); Persistor's own are email, name, firstName, lastName, phone, "
                + "number, dateShift, null, constant and hash, and a ColumnTransformerProvider on the class path "
                + "may add others");
    }

    private static void check(Target column, Mask mask, ColumnTransformer transformer, Target from,
            Map<QualifiedName, Table> tables) {
        String named = column + " (" + mask + (from == null ? "" : ", by foreign key from " + from) + ")";
        Table table = tables.get(column.table());
        Column definition = table.columns().stream().filter(c -> c.name().equals(column.column())).findFirst()
                .orElseThrow();
        if (from != null && transformer.dependsOnRow()) {
            throw new PersistorException("Invalid backup options: cannot mask " + named + ": the mask depends on "
                    + "the row, and the two ends of a foreign key must mask alike");
        }
        if (mask.transformer().equals("null") && definition.notNull()) {
            throw new PersistorException("Invalid backup options: cannot mask " + named + " with NULL: the column is "
                    + "NOT NULL");
        }
        boolean unique = table.constraints().stream()
                .filter(c -> c.kind() == Constraint.Kind.PRIMARY_KEY || c.kind() == Constraint.Kind.UNIQUE)
                .anyMatch(c -> KeyColumns.of(c).equals(List.of(column.column())));
        if (unique && !transformer.keepsDistinct() && !mask.transformer().equals("null")) {
            throw new PersistorException("Invalid backup options: cannot mask " + named + ": the column is unique "
                    + "and the mask may give two values the same fake; use one that keeps them distinct (email, "
                    + "phone, number, hash)");
        }
        Pattern word = Pattern.compile("(?<![\\w\"])" + Pattern.quote(identifier(column.column())) + "(?![\\w\"])");
        for (Table member : tables.values()) {
            if (member.partitionKey() != null && TableNames.root(member.name(), tables).equals(column.table())
                    && word.matcher(member.partitionKey()).find()) {
                throw new PersistorException("Invalid backup options: cannot mask " + named + ": it is in the "
                        + "partition key of " + member.name() + ", so masked rows would belong in other partitions");
            }
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
