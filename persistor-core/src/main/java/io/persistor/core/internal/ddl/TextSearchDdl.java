package io.persistor.core.internal.ddl;

import static io.persistor.core.internal.script.SqlQuote.qualified;

import io.persistor.model.TextSearchConfiguration;
import io.persistor.model.TextSearchDictionary;
import java.util.ArrayList;
import java.util.List;

/** {@code CREATE TEXT SEARCH DICTIONARY} and {@code CREATE TEXT SEARCH CONFIGURATION} statements. */
public final class TextSearchDdl {

    private TextSearchDdl() {
    }

    /**
     * Creates a dictionary from its template and options.
     *
     * @param dictionary the dictionary
     * @return the statement
     */
    public static String createDictionary(TextSearchDictionary dictionary) {
        return "CREATE TEXT SEARCH DICTIONARY " + qualified(dictionary.name()) + " (TEMPLATE = "
                + dictionary.template() + (dictionary.options() == null ? "" : ", " + dictionary.options()) + ")";
    }

    /**
     * Creates a configuration on its parser, then maps its token types; a new configuration maps none.
     *
     * @param configuration the configuration
     * @return the statements
     */
    public static List<String> createConfiguration(TextSearchConfiguration configuration) {
        String name = qualified(configuration.name());
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TEXT SEARCH CONFIGURATION " + name + " (PARSER = " + configuration.parser() + ")");
        for (TextSearchConfiguration.Mapping mapping : configuration.mappings()) {
            statements.add("ALTER TEXT SEARCH CONFIGURATION " + name + " ADD MAPPING FOR " + mapping.tokenType()
                    + " WITH " + String.join(", ", mapping.dictionaries()));
        }
        return statements;
    }
}
