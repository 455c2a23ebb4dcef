package io.persistor.spring.boot;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Matches when there is a database to back up: the application's DataSource, or {@code persistor.datasource.url}. */
final class OnBackupDataSourceCondition extends AnyNestedCondition {

    OnBackupDataSourceCondition() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(DataSource.class)
    static final class ApplicationDataSource {
    }

    @ConditionalOnProperty("persistor.datasource.url")
    static final class SeparateDataSource {
    }
}
