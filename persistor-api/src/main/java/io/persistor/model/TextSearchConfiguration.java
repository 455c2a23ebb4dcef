package io.persistor.model;

import java.util.List;

/**
 * A text search configuration made with {@code CREATE TEXT SEARCH CONFIGURATION}: a parser and, per token type,
 * the dictionaries to consult.
 *
 * @param name     its qualified name
 * @param parser   its parser's qualified name, quoted as needed
 * @param mappings the token types it maps, in the parser's order
 * @param comment  its comment, or {@code null}
 */
public record TextSearchConfiguration(QualifiedName name, String parser, List<Mapping> mappings, String comment) {

    /** Copies the list. */
    public TextSearchConfiguration {
        mappings = List.copyOf(mappings);
    }

    /**
     * The dictionaries consulted, in order, for one token type.
     *
     * @param tokenType    the parser's alias of the token type, such as {@code asciiword}
     * @param dictionaries the dictionaries' names, qualified unless in {@code pg_catalog}, quoted as needed
     */
    public record Mapping(String tokenType, List<String> dictionaries) {

        /** Copies the list. */
        public Mapping {
            dictionaries = List.copyOf(dictionaries);
        }
    }
}
