package io.persistor.model;

import java.util.List;

/**
 * What was read from one database: the objects of the schemas asked for, each list ordered by name, and the
 * dependencies among them.
 *
 * @param serverVersion    the server's {@code server_version}, for example {@code 17.2}
 * @param serverVersionNum the server's {@code server_version_num}, for example {@code 170002}
 * @param database         the database's name
 * @param schemas          the schemas read, in the order they were asked for
 * @param extensions       extensions installed into those schemas, and those installed elsewhere whose objects
 *                         objects of those schemas use
 * @param collations       collations
 * @param dictionaries     text search dictionaries
 * @param configurations   text search configurations
 * @param enumTypes        enum types
 * @param domainTypes      domains
 * @param compositeTypes   composite types
 * @param rangeTypes       range types
 * @param baseTypes        base types and shell types
 * @param sequences        sequences, except those behind identity columns (see {@link Column#identity()})
 * @param tables           ordinary and partitioned tables
 * @param views            views and materialized views
 * @param routines         functions, procedures and aggregates
 * @param operators        operators
 * @param casts            casts from or to types of these schemas
 * @param definitions      objects kept as the statements that recreate them (operator classes, publications...)
 * @param privileges       owners and access privileges of these objects (and the schemas)
 * @param dependencies     which of these objects need which others first
 * @param skipped          objects that exist but cannot be backed up, with the reason, for the script's header
 */
public record Catalog(String serverVersion, int serverVersionNum, String database, List<Schema> schemas,
                      List<Extension> extensions, List<Collation> collations,
                      List<TextSearchDictionary> dictionaries, List<TextSearchConfiguration> configurations,
                      List<EnumType> enumTypes, List<DomainType> domainTypes,
                      List<CompositeType> compositeTypes, List<RangeType> rangeTypes, List<BaseType> baseTypes,
                      List<Sequence> sequences,
                      List<Table> tables, List<View> views, List<Routine> routines, List<Operator> operators, List<Cast> casts,
                      List<DefinedObject> definitions, List<Privileges> privileges,
                      List<Dependency> dependencies, List<String> skipped) {

    /** Copies the lists. */
    public Catalog {
        schemas = List.copyOf(schemas);
        extensions = List.copyOf(extensions);
        collations = List.copyOf(collations);
        dictionaries = List.copyOf(dictionaries);
        configurations = List.copyOf(configurations);
        enumTypes = List.copyOf(enumTypes);
        domainTypes = List.copyOf(domainTypes);
        compositeTypes = List.copyOf(compositeTypes);
        rangeTypes = List.copyOf(rangeTypes);
        baseTypes = List.copyOf(baseTypes);
        sequences = List.copyOf(sequences);
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        routines = List.copyOf(routines);
        operators = List.copyOf(operators);
        casts = List.copyOf(casts);
        definitions = List.copyOf(definitions);
        privileges = List.copyOf(privileges);
        dependencies = List.copyOf(dependencies);
        skipped = List.copyOf(skipped);
    }
}
