package io.persistor.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test method parameter of type {@link TestDatabase} a new, empty database
 * on {@link PostgresServers#defaultServer()}, dropped when the test ends.
 */
public final class FreshDatabase implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase database = PostgresServers.defaultServer().createDatabase();
        context.getStore(ExtensionContext.Namespace.create(FreshDatabase.class, context.getUniqueId()))
                .put(database.name(), (AutoCloseable) database::drop);
        return database;
    }
}
