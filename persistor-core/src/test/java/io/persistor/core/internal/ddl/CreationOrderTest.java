package io.persistor.core.internal.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.model.Catalog;
import io.persistor.model.ColumnReference;
import io.persistor.model.Dependency;
import io.persistor.model.ObjectKey;
import io.persistor.model.QualifiedName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreationOrderTest {

    private static final ObjectKey TABLE = ObjectKey.relation(new QualifiedName("s", "t"));
    private static final ObjectKey VIEW = ObjectKey.relation(new QualifiedName("s", "a_view"));
    private static final ObjectKey FUNCTION = new ObjectKey(ObjectKey.Kind.ROUTINE, new QualifiedName("s", "f"), "");
    private static final ObjectKey TYPE = ObjectKey.type(new QualifiedName("s", "z_type"));

    @Test
    void placesEveryObjectAfterWhatItNeeds() {
        // a view over a function over a table: table, function, view, though names and kinds rank them otherwise
        List<String> order = order(Map.of(VIEW, 0, FUNCTION, 1, TABLE, 2),
                Dependency.of(VIEW, FUNCTION), Dependency.of(FUNCTION, TABLE));
        assertThat(order).containsExactly("s.t", "s.f()", "s.a_view");
    }

    @Test
    void breaksTiesByRankThenName() {
        List<String> order = order(Map.of(TABLE, 3, VIEW, 4, FUNCTION, 2, TYPE, 0));
        assertThat(order).containsExactly("s.z_type", "s.f()", "s.t", "s.a_view");
    }

    @Test
    void defersDefaultsThatCallRoutinesWhichBreaksTheTableFunctionCycle() {
        // t's default calls f, and f returns SETOF t
        Dependency viaDefault = new Dependency(TABLE, FUNCTION, Dependency.Part.DEFAULT, "c", null);
        Dependency rowType = Dependency.of(FUNCTION, TABLE);
        CreationOrder<String> creation = creation(Map.of(TABLE, 3, FUNCTION, 2), viaDefault, rowType);
        assertThat(creation.sorted()).containsExactly("s.t", "s.f()");
        assertThat(creation.deferredDefaults()).containsExactly(new ColumnReference(TABLE.name(), "c"));
    }

    @Test
    void defersChecksThatCallRoutinesNeedingTheirOwnTable() {
        // t's check calls f, and f takes t's rows: f after t, the check after both
        Dependency viaCheck = new Dependency(TABLE, FUNCTION, Dependency.Part.CHECK, "t_ok", null);
        Dependency rowType = Dependency.of(FUNCTION, TABLE);
        CreationOrder<String> creation = creation(Map.of(TABLE, 3, FUNCTION, 2), viaCheck, rowType);
        assertThat(creation.sorted()).containsExactly("s.t", "s.f()");
        assertThat(creation.deferredChecks()).containsExactly(new CreationOrder.CheckReference(TABLE.name(), "t_ok"));
    }

    @Test
    void keepsChecksInlineWhenTheRoutineDoesNotNeedTheTable() {
        CreationOrder<String> creation = creation(Map.of(TABLE, 3, FUNCTION, 2),
                new Dependency(TABLE, FUNCTION, Dependency.Part.CHECK, "t_ok", null));
        assertThat(creation.sorted()).containsExactly("s.f()", "s.t");
        assertThat(creation.deferredChecks()).isEmpty();
    }

    @Test
    void stillEmitsEveryObjectOnceWhenACycleRemains() {
        List<String> order = order(Map.of(TABLE, 3, VIEW, 4),
                Dependency.of(TABLE, VIEW), Dependency.of(VIEW, TABLE));
        assertThat(order).containsExactlyInAnyOrder("s.t", "s.a_view");
    }

    private static List<String> order(Map<ObjectKey, Integer> ranks, Dependency... dependencies) {
        return creation(ranks, dependencies).sorted();
    }

    private static CreationOrder<String> creation(Map<ObjectKey, Integer> ranks, Dependency... dependencies) {
        Map<ObjectKey, String> objects = new LinkedHashMap<>();
        Map<String, Integer> rankByName = new LinkedHashMap<>();
        ranks.forEach((key, rank) -> {
            objects.put(key, key.toString());
            rankByName.put(key.toString(), rank);
        });
        Catalog catalog = new Catalog("17", 170000, "db", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(dependencies),
                List.of());
        return new CreationOrder<>(objects, rankByName::get, catalog);
    }
}
