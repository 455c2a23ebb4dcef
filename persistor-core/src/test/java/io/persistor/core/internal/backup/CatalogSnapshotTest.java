package io.persistor.core.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.persistor.model.Catalog;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Two catalog reads at once: both results in order, and the failures as if the reads had run one by one. */
class CatalogSnapshotTest {

    @Test
    void runsBothReadsAtOnceAndKeepsTheirOrder() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<Catalog> catalogs = CatalogSnapshot.readTogether(() -> awaitOther(bothStarted, catalog("first")),
                () -> awaitOther(bothStarted, catalog("second")));
        assertThat(catalogs).extracting(Catalog::database).containsExactly("first", "second");
    }

    @Test
    void whenBothFailTheFirstFailureIsThrown() {
        assertThatThrownBy(() -> CatalogSnapshot.readTogether(() -> {
            throw new IllegalStateException("first failed");
        }, () -> {
            throw new IllegalStateException("second failed");
        })).hasMessage("first failed");
    }

    @Test
    void whenOnlyTheSecondFailsItIsThrownOnceTheFirstHasEnded() {
        AtomicBoolean firstEnded = new AtomicBoolean();
        assertThatThrownBy(() -> CatalogSnapshot.readTogether(() -> {
            sleep();
            firstEnded.set(true);
            return catalog("first");
        }, () -> {
            throw new IllegalStateException("second failed");
        })).hasMessage("second failed");
        assertThat(firstEnded).isTrue();
    }

    @Test
    void whenOnlyTheFirstFailsItIsThrown() {
        assertThatThrownBy(() -> CatalogSnapshot.readTogether(() -> {
            throw new IllegalStateException("first failed");
        }, () -> catalog("second"))).hasMessage("first failed");
    }

    private static Catalog awaitOther(CountDownLatch bothStarted, Catalog catalog) {
        bothStarted.countDown();
        try {
            assertThat(bothStarted.await(10, TimeUnit.SECONDS)).as("the other read runs at the same time").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return catalog;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Catalog catalog(String database) {
        return new Catalog("17", 170000, database, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
