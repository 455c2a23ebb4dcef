package io.persistor.core.internal.ddl;

import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.StatisticsObject;

/** What an extended statistics object needs besides its {@code CREATE STATISTICS} definition. */
public final class StatisticsDdl {

    private StatisticsDdl() {
    }

    /**
     * The statement that sets the object's own statistics target.
     *
     * @param statistics the object
     * @return {@code ALTER STATISTICS ... SET STATISTICS n} without the terminating semicolon, or {@code null} when
     *         the object uses the default target
     */
    public static String target(StatisticsObject statistics) {
        return statistics.target() == null ? null
                : "ALTER STATISTICS " + qualified(statistics.name()) + " SET STATISTICS " + statistics.target();
    }
}
