package io.persistor.core.internal.restore;

import io.persistor.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which object a statement of a script is about, from the statement's words alone, for Persistor's
 * scripts and pg_dump's plain files: {@code CREATE TABLE}, {@code ALTER TABLE ... ADD CONSTRAINT},
 * {@code CREATE INDEX ... ON}, {@code COPY}, {@code INSERT INTO}, {@code COMMENT ON}, {@code GRANT ... ON} and the
 * rest of what they write. Session settings give {@code null}; a statement it cannot place gives kind
 * {@code OTHER} without a name. Unqualified names are taken to be in {@code public}.
 */
final class StatementClassifier {

    private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)";
    private static final String QNAME = "(" + IDENT + "(?:\\s*\\.\\s*" + IDENT + ")*)";
    private static final int PREFIX = 4000;

    private static final Pattern SESSION = compile(
            "(?:SET|RESET|BEGIN|COMMIT|START\\s+TRANSACTION|SELECT\\s+pg_catalog\\.set_config)\\b.*");
    private static final Pattern TRANSACTION = compile("(?:BEGIN|COMMIT|END|ROLLBACK|ABORT|START\\s+TRANSACTION)\\b.*");
    private static final Pattern SCHEMA = compile("CREATE\\s+SCHEMA\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + QNAME + ".*");
    private static final Pattern TABLE = compile("CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)"
            + "\\s+)?(?:FOREIGN\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + QNAME
            + "(?:\\s+PARTITION\\s+OF\\s+" + QNAME + ")?.*");
    private static final Pattern ALTER_TABLE = compile("ALTER\\s+(?:FOREIGN\\s+)?TABLE\\s+(?:IF\\s+EXISTS\\s+)?"
            + "(?:ONLY\\s+)?" + QNAME + "\\s+(.*)");
    private static final Pattern FOREIGN_KEY = compile("ADD\\s+CONSTRAINT\\s+(" + IDENT
            + ")\\s+FOREIGN\\s+KEY\\b.*?\\bREFERENCES\\s+(?:ONLY\\s+)?" + QNAME + ".*");
    private static final Pattern CONSTRAINT = compile("ADD\\s+CONSTRAINT\\s+(" + IDENT + ").*");
    private static final Pattern ATTACH = compile("ATTACH\\s+PARTITION\\s+" + QNAME + ".*");
    private static final Pattern DEFAULT = compile("ALTER\\s+(?:COLUMN\\s+)?(" + IDENT + ")\\s+SET\\s+DEFAULT\\b.*");
    private static final Pattern IDENTITY = compile("ALTER\\s+(?:COLUMN\\s+)?(" + IDENT + ")\\s+ADD\\s+GENERATED\\b.*");
    private static final Pattern INDEX = compile("CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + IDENT + ")\\s+ON\\s+(?:ONLY\\s+)?" + QNAME + ".*");
    private static final Pattern ALTER_INDEX = compile("ALTER\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?" + QNAME
            + "(?:\\s+ATTACH\\s+PARTITION\\s+" + QNAME + ")?.*");
    private static final Pattern TRIGGER = compile("CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+)?TRIGGER\\s+("
            + IDENT + ")\\s+.*?\\bON\\s+" + QNAME + ".*");
    private static final Pattern POLICY = compile("CREATE\\s+POLICY\\s+(" + IDENT + ")\\s+ON\\s+" + QNAME + ".*");
    private static final Pattern RULE = compile("CREATE\\s+(?:OR\\s+REPLACE\\s+)?RULE\\s+(" + IDENT
            + ")\\s+AS\\s+ON\\s+\\w+\\s+TO\\s+" + QNAME + ".*");
    private static final Pattern VIEW = compile("CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:(?:TEMP|TEMPORARY|RECURSIVE)\\s+)*"
            + "(MATERIALIZED\\s+)?VIEW\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + QNAME + ".*");
    private static final Pattern REFRESH = compile("REFRESH\\s+MATERIALIZED\\s+VIEW\\s+(?:CONCURRENTLY\\s+)?" + QNAME
            + ".*");
    private static final Pattern SEQUENCE = compile("CREATE\\s+(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?SEQUENCE\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?" + QNAME + ".*");
    private static final Pattern ALTER_SEQUENCE = compile("ALTER\\s+SEQUENCE\\s+(?:IF\\s+EXISTS\\s+)?" + QNAME
            + "(?:\\s+OWNED\\s+BY\\s+" + QNAME + ")?.*");
    private static final Pattern SETVAL = compile("SELECT\\s+pg_catalog\\.setval\\(\\s*'((?:[^']|'')*)'.*");
    private static final Pattern COPY = compile("COPY\\s+" + QNAME + "(?=[\\s(]).*");
    private static final Pattern INSERT = compile("INSERT\\s+INTO\\s+" + QNAME + ".*");
    private static final Pattern COMMENT_ON_TABLE_PART = compile("COMMENT\\s+ON\\s+(CONSTRAINT|TRIGGER|POLICY|RULE)\\s+"
            + "(" + IDENT + ")\\s+ON\\s+(DOMAIN\\s+)?" + QNAME + ".*");
    private static final Pattern COMMENT_ON_COLUMN = compile("COMMENT\\s+ON\\s+COLUMN\\s+" + QNAME + ".*");
    private static final Pattern COMMENT_ON = compile("COMMENT\\s+ON\\s+(" + kinds() + ")\\s+" + QNAME + ".*");
    private static final Pattern PRIVILEGES = compile("(?:GRANT|REVOKE)\\s+.*?\\bON\\s+(?:(" + kinds()
            + ")\\s+)?" + QNAME + ".*");
    private static final Pattern STATISTICS = compile("CREATE\\s+STATISTICS\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + QNAME
            + ".*?\\bFROM\\s+" + QNAME + ".*");
    private static final Pattern EXTENSION = compile("CREATE\\s+EXTENSION\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + IDENT
            + ")(?:.*?\\bSCHEMA\\s+(" + IDENT + "))?.*");
    private static final Pattern CREATE_OTHER = compile("CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:TRUSTED\\s+)?"
            + "(?:PROCEDURAL\\s+)?(" + kinds() + ")\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + QNAME + ".*");
    private static final Pattern ALTER_OTHER = compile("ALTER\\s+(" + kinds() + ")\\s+(?:IF\\s+EXISTS\\s+)?" + QNAME
            + ".*");

    private static final Pattern SEQUENCE_NAME = compile("\\bSEQUENCE\\s+NAME\\s+" + QNAME);
    private static final Pattern QUALIFIED = Pattern.compile(IDENT + "\\s*\\.\\s*" + IDENT);

    private StatementClassifier() {
    }

    /**
     * Whether a statement begins or ends a transaction block.
     *
     * @param sql a statement
     * @return {@code true} for {@code BEGIN}, {@code COMMIT} and the like
     */
    static boolean isTransactionControl(String sql) {
        return TRANSACTION.matcher(sql.strip()).matches();
    }

    /**
     * The sequences an identity column's clause names ({@code SEQUENCE NAME s}) in a table's statement.
     *
     * @param sql a {@code CREATE TABLE} or {@code ALTER TABLE} statement
     * @return the sequences' names
     */
    static List<QualifiedName> identitySequences(String sql) {
        List<QualifiedName> sequences = new ArrayList<>();
        Matcher m = SEQUENCE_NAME.matcher(sql);
        while (m.find()) {
            sequences.add(name(m.group(1)));
        }
        return sequences;
    }

    /**
     * The schema-qualified names a statement mentions, such as the relations a view reads.
     *
     * @param sql a statement
     * @return every {@code schema.name} in it (and, harmlessly, every {@code table.column})
     */
    static List<QualifiedName> qualifiedNames(String sql) {
        List<QualifiedName> names = new ArrayList<>();
        Matcher m = QUALIFIED.matcher(sql);
        while (m.find()) {
            names.add(name(m.group()));
        }
        return names;
    }

    /**
     * @param sql a statement, without its terminating semicolon
     * @return what it is about, or {@code null} for a session setting
     */
    static ScriptObject classify(String sql) {
        String text = sql.length() > PREFIX ? sql.substring(0, PREFIX) : sql;
        text = text.strip();
        if (SESSION.matcher(text).matches()) {
            return null;
        }
        Matcher m;
        if ((m = COPY.matcher(text)).matches() || (m = INSERT.matcher(text)).matches()) {
            QualifiedName table = name(m.group(1));
            return new ScriptObject("TABLE DATA", table, table, null);
        }
        if ((m = SCHEMA.matcher(text)).matches()) {
            String schema = unquote(m.group(1));
            return new ScriptObject("SCHEMA", new QualifiedName(schema, schema), null, null);
        }
        if ((m = TABLE.matcher(text)).matches()) {
            QualifiedName table = name(m.group(1));
            return new ScriptObject("TABLE", table, table, m.group(2) == null ? null : name(m.group(2)));
        }
        if ((m = ALTER_TABLE.matcher(text)).matches()) {
            return alterTable(name(m.group(1)), m.group(2));
        }
        if ((m = INDEX.matcher(text)).matches()) {
            QualifiedName table = name(m.group(2));
            return new ScriptObject("INDEX", new QualifiedName(table.schema(), unquote(m.group(1))), table, null);
        }
        if ((m = ALTER_INDEX.matcher(text)).matches()) {
            return m.group(2) == null ? new ScriptObject("INDEX", name(m.group(1)), null, null)
                    : new ScriptObject("INDEX ATTACH", name(m.group(2)), null, name(m.group(1)));
        }
        if ((m = TRIGGER.matcher(text)).matches() || (m = POLICY.matcher(text)).matches()
                || (m = RULE.matcher(text)).matches()) {
            QualifiedName table = name(m.group(2));
            String kind = m.pattern() == TRIGGER ? "TRIGGER" : m.pattern() == POLICY ? "POLICY" : "RULE";
            return new ScriptObject(kind, new QualifiedName(table.schema(), unquote(m.group(1))), table, null);
        }
        if ((m = VIEW.matcher(text)).matches()) {
            return new ScriptObject(m.group(1) == null ? "VIEW" : "MATERIALIZED VIEW", name(m.group(2)), null, null);
        }
        if ((m = REFRESH.matcher(text)).matches()) {
            return new ScriptObject("MATERIALIZED VIEW DATA", name(m.group(1)), null, null);
        }
        if ((m = SEQUENCE.matcher(text)).matches()) {
            return new ScriptObject("SEQUENCE", name(m.group(1)), null, null);
        }
        if ((m = ALTER_SEQUENCE.matcher(text)).matches()) {
            QualifiedName owner = m.group(2) == null ? null : columnTable(m.group(2));
            return new ScriptObject(owner == null ? "SEQUENCE" : "SEQUENCE OWNED BY", name(m.group(1)), owner, null);
        }
        if ((m = SETVAL.matcher(text)).matches()) {
            return new ScriptObject("SEQUENCE SET", name(m.group(1).replace("''", "'")), null, null);
        }
        if ((m = STATISTICS.matcher(text)).matches()) {
            return new ScriptObject("STATISTICS", name(m.group(1)), name(m.group(2)), null);
        }
        if ((m = EXTENSION.matcher(text)).matches()) {
            String extension = unquote(m.group(1));
            return new ScriptObject("EXTENSION", new QualifiedName(m.group(2) == null ? "public"
                    : unquote(m.group(2)), extension), null, null);
        }
        if (text.regionMatches(true, 0, "COMMENT", 0, 7)) {
            return comment(text);
        }
        if ((m = PRIVILEGES.matcher(text)).matches()) {
            String kind = m.group(1) == null ? "TABLE" : kind(m.group(1));
            return belongsTo("ACL", kind, name(m.group(2)));
        }
        if ((m = CREATE_OTHER.matcher(text)).matches() || (m = ALTER_OTHER.matcher(text)).matches()) {
            String kind = kind(m.group(1));
            return kind.equals("SCHEMA") ? new ScriptObject(kind, new QualifiedName(unquote(m.group(2)),
                    unquote(m.group(2))), null, null) : belongsTo(kind, kind, name(m.group(2)));
        }
        return new ScriptObject("OTHER", null, null, null);
    }

    private static ScriptObject alterTable(QualifiedName table, String rest) {
        Matcher m;
        if ((m = FOREIGN_KEY.matcher(rest)).matches()) {
            return new ScriptObject("FK CONSTRAINT", new QualifiedName(table.schema(), unquote(m.group(1))), table,
                    name(m.group(2)));
        }
        if ((m = CONSTRAINT.matcher(rest)).matches()) {
            return new ScriptObject("CONSTRAINT", new QualifiedName(table.schema(), unquote(m.group(1))), table, null);
        }
        if ((m = ATTACH.matcher(rest)).matches()) {
            QualifiedName partition = name(m.group(1));
            return new ScriptObject("TABLE ATTACH", partition, partition, table);
        }
        if ((m = DEFAULT.matcher(rest)).matches()) {
            return new ScriptObject("DEFAULT", table, table, null);
        }
        if ((m = IDENTITY.matcher(rest)).matches()) {
            return new ScriptObject("SEQUENCE", table, table, null);
        }
        return new ScriptObject("TABLE", table, table, null);
    }

    private static ScriptObject comment(String text) {
        Matcher m;
        if ((m = COMMENT_ON_TABLE_PART.matcher(text)).matches()) {
            QualifiedName owner = name(m.group(4));
            return new ScriptObject("COMMENT", new QualifiedName(owner.schema(), unquote(m.group(2))),
                    m.group(3) == null ? owner : null, null);
        }
        if ((m = COMMENT_ON_COLUMN.matcher(text)).matches()) {
            QualifiedName table = columnTable(m.group(1));
            return new ScriptObject("COMMENT", table, table, null);
        }
        if ((m = COMMENT_ON.matcher(text)).matches()) {
            String kind = kind(m.group(1));
            if (kind.equals("SCHEMA")) {
                String schema = unquote(m.group(2));
                return new ScriptObject("COMMENT", new QualifiedName(schema, schema), null, null);
            }
            return belongsTo("COMMENT", kind, name(m.group(2)));
        }
        return new ScriptObject("COMMENT", null, null, null);
    }

    /** A comment or privilege on an object: a table's belong to the table, an index's and a sequence's later. */
    private static ScriptObject belongsTo(String kind, String objectKind, QualifiedName object) {
        if (objectKind.equals("SCHEMA")) {
            return new ScriptObject(kind, new QualifiedName(object.name(), object.name()), null, null);
        }
        boolean table = objectKind.equals("TABLE") || objectKind.equals("FOREIGN TABLE");
        return new ScriptObject(kind, object, table ? object : null, null);
    }

    private static String kinds() {
        return "TABLE|FOREIGN\\s+TABLE|MATERIALIZED\\s+VIEW|VIEW|SEQUENCE|INDEX|SCHEMA|FUNCTION|PROCEDURE|ROUTINE|"
                + "AGGREGATE|TYPE|DOMAIN|COLLATION|CONVERSION|OPERATOR\\s+CLASS|OPERATOR\\s+FAMILY|OPERATOR|"
                + "TEXT\\s+SEARCH\\s+(?:CONFIGURATION|DICTIONARY|PARSER|TEMPLATE)|EXTENSION|STATISTICS|PUBLICATION|"
                + "SUBSCRIPTION|EVENT\\s+TRIGGER|LANGUAGE|SERVER|FOREIGN\\s+DATA\\s+WRAPPER|FOREIGN\\s+SERVER|"
                + "ACCESS\\s+METHOD|LARGE\\s+OBJECT|DATABASE|TABLESPACE|ALL\\s+TABLES\\s+IN\\s+SCHEMA|"
                + "ALL\\s+SEQUENCES\\s+IN\\s+SCHEMA|ALL\\s+FUNCTIONS\\s+IN\\s+SCHEMA";
    }

    private static String kind(String words) {
        String kind = words.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        return kind.startsWith("ALL ") ? "SCHEMA" : kind;
    }

    /** The table of {@code schema.table.column}. */
    private static QualifiedName columnTable(String qualified) {
        List<String> parts = parts(qualified);
        return parts.size() >= 3 ? new QualifiedName(parts.get(parts.size() - 3), parts.get(parts.size() - 2))
                : new QualifiedName("public", parts.get(0));
    }

    /**
     * A possibly qualified name as the catalog spells it.
     *
     * @param qualified {@code name}, {@code schema.name} or {@code database.schema.name}, quoted or not
     * @return the name, in {@code public} when unqualified
     */
    static QualifiedName name(String qualified) {
        List<String> parts = parts(qualified);
        return parts.size() == 1 ? new QualifiedName("public", parts.get(0))
                : new QualifiedName(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
    }

    private static List<String> parts(String qualified) {
        List<String> parts = new ArrayList<>();
        Matcher part = Pattern.compile(IDENT).matcher(qualified);
        while (part.find()) {
            parts.add(unquote(part.group()));
        }
        return parts;
    }

    private static String unquote(String identifier) {
        String trimmed = identifier.strip();
        return trimmed.startsWith("\"") ? trimmed.substring(1, trimmed.length() - 1).replace("\"\"", "\"")
                : trimmed.toLowerCase(Locale.ROOT);
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }
}
