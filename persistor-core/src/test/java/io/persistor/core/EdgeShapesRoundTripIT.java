package io.persistor.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.BackupResult;
import io.persistor.Format;
import io.persistor.Persistor;
import io.persistor.testkit.Fingerprint;
import io.persistor.testkit.PostgresServer;
import io.persistor.testkit.PostgresServers;
import io.persistor.testkit.Psql;
import io.persistor.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rarer shapes, on every supported major and in both formats: a partition attached with its own column order, defaults
 * and checks, merged multiple inheritance, altered identity columns, a table without columns, domain defaults written
 * with an unqualified search path, enum labels added out of order, domains over arrays, ordered-set and moving
 * aggregates, an unlogged table's identity column, constraint and transition-table triggers with their firing
 * states (also a partition's own state of its parent's trigger), a rule of two actions, multi-level inheritance, odd names, oid-alias and other unusual column
 * types, comments on every kind of member and on an extension, an array of another schema's extension type, statistics
 * targets of extended statistics, and each major's newer syntax (compression, SQL-standard bodies, multiranges;
 * {@code NULLS NOT DISTINCT}, {@code SET NULL} column lists, {@code security_invoker}, unlogged sequences; identity on
 * partitioned tables and changed generation expressions; virtual columns, {@code NOT ENFORCED}, temporal keys, named
 * and {@code NOT VALID} not-null constraints). Each backup is restored with psql and with {@code Persistor.restore};
 * both must equal the source.
 */
class EdgeShapesRoundTripIT {

    private static final String[] ENUM = {"CREATE SCHEMA e", "CREATE TYPE e.mood AS ENUM ('sad', 'ok')",
        "ALTER TYPE e.mood ADD VALUE 'happy' BEFORE 'sad'", "ALTER TYPE e.mood ADD VALUE 'meh' AFTER 'sad'"};

    private static final String SQL = """
        CREATE EXTENSION hstore WITH SCHEMA e;
        COMMENT ON EXTENSION hstore IS 'its own comment';
        CREATE SCHEMA e_ext;
        CREATE EXTENSION ltree WITH SCHEMA e_ext;
        CREATE TABLE e.paths (p e_ext.ltree[]);
        INSERT INTO e.paths VALUES ('{a.b,a.c}');
        CREATE TABLE e.nocols ();
        INSERT INTO e.nocols SELECT FROM generate_series(1, 3);
        CREATE TABLE e.onlygen (id int GENERATED ALWAYS AS IDENTITY);
        INSERT INTO e.onlygen DEFAULT VALUES; INSERT INTO e.onlygen DEFAULT VALUES;
        CREATE TABLE e.dropped (a int, b text, c int);
        ALTER TABLE e.dropped DROP COLUMN b;
        INSERT INTO e.dropped VALUES (1, 2);
        CREATE TABLE e."we""ird
        name" ("col
        x" int, "ü" text);
        INSERT INTO e."we""ird
        name" VALUES (1, 'ü');
        CREATE TABLE e.moods (m e.mood, ms e.mood[]);
        INSERT INTO e.moods VALUES ('happy', '{meh,ok}');
        SET search_path = e;
        CREATE SEQUENCE dseq_s;
        CREATE DOMAIN dseq AS int DEFAULT nextval('dseq_s');
        CREATE DOMAIN dmood AS mood DEFAULT 'ok';
        CREATE TABLE unqualified_defaults (s dseq, m dmood);
        INSERT INTO unqualified_defaults DEFAULT VALUES;
        RESET search_path;
        CREATE DOMAIN e.pos AS int NOT NULL DEFAULT 1 CONSTRAINT pos_chk CHECK (VALUE > 0);
        CREATE DOMAIN e.posarr AS e.pos[];
        CREATE TABLE e.doms (p e.pos, pa e.posarr);
        INSERT INTO e.doms VALUES (3, '{1,2}');
        CREATE TYPE e.pair AS (a int, b text);
        CREATE TYPE e.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
        CREATE TABLE e.comp (p e.pair, ps e.pair[], r e.floatrange);
        INSERT INTO e.comp VALUES ((1, 'x,y'), ARRAY[(2, NULL)::e.pair, NULL], '[1.5,2.5)');
        CREATE TABLE e.misc (c "char", n name, l pg_lsn, rc regclass, rt regtype, rp regproc, o oid, x xml, t tsquery, b bit(3), vb varbit, mac macaddr8, i interval, tz timetz, mo money);
        INSERT INTO e.misc VALUES ('q', 'nm', '0/16B3748', 'e.moods', 'e.pair', 'now', 7, '<a>x</a>', 'a & !b', B'101', B'1', '08:00:2b:01:02:03:04:05', '1 year -2 days 03:00', '10:00+02', 12.5);
        CREATE FUNCTION e.lp(int) RETURNS int LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 5 AS 'SELECT $1';
        CREATE FUNCTION e.srf(int) RETURNS SETOF int LANGUAGE sql ROWS 7 AS 'SELECT generate_series(1, $1)';
        CREATE FUNCTION e.outp(IN a int, OUT b int, OUT c text) LANGUAGE sql AS 'SELECT a, a::text';
        CREATE FUNCTION e.wsum_sfunc(numeric, numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT coalesce($1, 0) + $2';
        CREATE FUNCTION e.wsum_inv(numeric, numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT $1 - $2';
        CREATE AGGREGATE e.wsum(numeric) (SFUNC = e.wsum_sfunc, STYPE = numeric, MSFUNC = e.wsum_sfunc, MINVFUNC = e.wsum_inv, MSTYPE = numeric, PARALLEL = SAFE);
        CREATE FUNCTION e.pct_final(float8[], float8, float8) RETURNS float8 LANGUAGE sql AS 'SELECT $1[1] * $2';
        CREATE AGGREGATE e.pct(float8 ORDER BY float8) (SFUNC = array_append, STYPE = float8[], FINALFUNC = e.pct_final, FINALFUNC_EXTRA, INITCOND = '{}');
        CREATE TABLE e.nums (id int PRIMARY KEY, v numeric);
        INSERT INTO e.nums VALUES (1, 1.5), (2, 2.5);
        CREATE VIEW e.usesagg AS SELECT e.wsum(v) OVER (ORDER BY id) AS running, e.lp(id) FROM e.nums;
        CREATE VIEW e.usessrf AS SELECT * FROM e.srf(3) AS g(n);
        CREATE TABLE e.inh_root (id int, CONSTRAINT root_chk CHECK (id > 0) NO INHERIT, note text NOT NULL DEFAULT 'r');
        CREATE TABLE e.inh_mid (extra int) INHERITS (e.inh_root);
        CREATE TABLE e.inh_leaf () INHERITS (e.inh_mid);
        ALTER TABLE e.inh_leaf ALTER COLUMN note SET DEFAULT 'leaf';
        INSERT INTO e.inh_leaf VALUES (5, 'x', 1);
        CREATE TABLE e.trg (id int, v text);
        CREATE FUNCTION e.trgf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$;
        CREATE CONSTRAINT TRIGGER ct AFTER INSERT ON e.trg DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION e.trgf();
        CREATE TRIGGER st AFTER UPDATE ON e.trg REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION e.trgf();
        CREATE TRIGGER dis BEFORE DELETE ON e.trg FOR EACH ROW EXECUTE FUNCTION e.trgf();
        ALTER TABLE e.trg DISABLE TRIGGER dis;
        CREATE TRIGGER rep AFTER DELETE ON e.trg FOR EACH ROW EXECUTE FUNCTION e.trgf();
        ALTER TABLE e.trg ENABLE REPLICA TRIGGER rep;
        CREATE TABLE e.m (id int, a text DEFAULT 'ma', b int, c int NOT NULL DEFAULT 0, PRIMARY KEY (id, c)) PARTITION BY LIST (c);
        CREATE TABLE e.m_0 (x int, b int, c int NOT NULL, a text DEFAULT 'own', id int NOT NULL);
        ALTER TABLE e.m_0 DROP COLUMN x;
        ALTER TABLE e.m ATTACH PARTITION e.m_0 FOR VALUES IN (0);
        ALTER TABLE e.m_0 ADD CONSTRAINT m_0_b CHECK (b > 0);
        ALTER TABLE e.m_0 ALTER COLUMN b SET NOT NULL;
        CREATE TABLE e.m_def PARTITION OF e.m DEFAULT PARTITION BY RANGE (id);
        CREATE TABLE e.m_def_lo PARTITION OF e.m_def FOR VALUES FROM (MINVALUE) TO (100);
        CREATE TABLE e.m_def_def PARTITION OF e.m_def DEFAULT;
        INSERT INTO e.m VALUES (1, 'x', 5, 0), (2, DEFAULT, NULL, 3), (500, 'y', NULL, 7);
        CREATE TABLE e.p1 (a int DEFAULT 1, b text);
        CREATE TABLE e.p2 (a int DEFAULT 1, c text);
        CREATE TABLE e.kid (d int) INHERITS (e.p1, e.p2);
        ALTER TABLE e.kid ALTER COLUMN a SET DEFAULT 9;
        INSERT INTO e.kid VALUES (DEFAULT, 'b', 'c', 4);
        CREATE TABLE e.idn (id int GENERATED ALWAYS AS IDENTITY, v int);
        INSERT INTO e.idn (v) VALUES (1), (2);
        ALTER TABLE e.idn ALTER COLUMN id SET INCREMENT BY 5;
        ALTER TABLE e.idn ALTER COLUMN id SET GENERATED BY DEFAULT;
        INSERT INTO e.idn (v) VALUES (3);
        CREATE DOMAIN e.dnn AS int CONSTRAINT dnn_nn NOT NULL CONSTRAINT dnn_pos CHECK (VALUE > 0);
        CREATE TABLE e.usesdnn (v e.dnn);
        INSERT INTO e.usesdnn VALUES (3);
        CREATE TABLE e.lk (LIKE e.m INCLUDING ALL);
        CREATE TABLE e.ptrg (id int, k int) PARTITION BY LIST (k);
        CREATE TABLE e.ptrg_1 PARTITION OF e.ptrg FOR VALUES IN (1);
        CREATE TABLE e.ptrg_2 PARTITION OF e.ptrg FOR VALUES IN (2);
        CREATE TABLE e.ptrg_3 PARTITION OF e.ptrg FOR VALUES IN (3);
        CREATE TRIGGER pt AFTER INSERT ON e.ptrg FOR EACH ROW EXECUTE FUNCTION e.trgf();
        ALTER TABLE e.ptrg_2 DISABLE TRIGGER pt;
        COMMENT ON TRIGGER pt ON e.ptrg_3 IS 'a partition''s copy';
        CREATE RULE noins AS ON INSERT TO e.nums WHERE NEW.id < 0 DO INSTEAD NOTHING;
        CREATE TABLE e.keys (a int, b int, c int, UNIQUE (a, b), UNIQUE (b, c) DEFERRABLE INITIALLY DEFERRED, EXCLUDE (c WITH =));
        CREATE TABLE e.fks (a int, b int, FOREIGN KEY (a, b) REFERENCES e.keys (a, b) MATCH FULL ON UPDATE CASCADE);
        ALTER TABLE e.fks ADD CONSTRAINT nv CHECK (a > 0) NOT VALID;
        INSERT INTO e.keys VALUES (1, 1, 1);
        INSERT INTO e.fks VALUES (1, 1);
        CREATE RULE two_actions AS ON UPDATE TO e.nums DO ALSO (INSERT INTO e.keys VALUES (NULL, NULL, NULL); NOTIFY nums_changed);
        CREATE INDEX ix_coll ON e.moods (m DESC NULLS FIRST);
        CREATE INDEX ix_spg ON e.misc USING spgist ((n::text)) WHERE c <> $$z$$;
        CREATE INDEX ix_brin ON e.nums USING brin (id) WITH (pages_per_range = 16);
        CLUSTER e.keys USING keys_a_b_key;
        COMMENT ON TABLE e.nocols IS 'no columns';
        COMMENT ON COLUMN e.dropped.c IS 'after a hole';
        COMMENT ON CONSTRAINT keys_a_b_key ON e.keys IS 'key comment';
        COMMENT ON INDEX e.ix_coll IS 'index comment';
        COMMENT ON TRIGGER ct ON e.trg IS 'trigger comment';
        COMMENT ON FUNCTION e.lp(int) IS 'fn comment';
        COMMENT ON TYPE e.mood IS 'enum comment';
        COMMENT ON DOMAIN e.pos IS 'domain comment';
        COMMENT ON CONSTRAINT pos_chk ON DOMAIN e.pos IS 'domain check comment';
        COMMENT ON RULE noins ON e.nums IS 'rule comment';
        COMMENT ON AGGREGATE e.wsum(numeric) IS 'agg comment';
        COMMENT ON SCHEMA e IS 'schema comment';
        CREATE SEQUENCE e.cyc AS smallint INCREMENT -3 MINVALUE -100 MAXVALUE 10 START 4 CACHE 5 CYCLE;
        SELECT nextval('e.cyc'), nextval('e.cyc');
        CREATE SEQUENCE e.fresh;
        CREATE TABLE e.owned (id int);
        CREATE SEQUENCE e.owned_seq OWNED BY e.owned.id;
        ALTER TABLE e.owned ALTER COLUMN id SET DEFAULT nextval('e.owned_seq');
        CREATE TABLE e.rls (id int, who text DEFAULT current_user);
        ALTER TABLE e.rls ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
        CREATE POLICY restrictive_p ON e.rls AS RESTRICTIVE FOR SELECT USING (id > 0);
        CREATE POLICY ins_p ON e.rls FOR INSERT WITH CHECK (who IS NOT NULL);
        CREATE TABLE e.stats (a int, b int, c int);
        CREATE STATISTICS e.st1 (dependencies, ndistinct) ON a, b FROM e.stats;
        ALTER STATISTICS e.st1 SET STATISTICS 50;
        CREATE MATERIALIZED VIEW e.mv_empty AS SELECT 1 AS x WITH NO DATA;
        CREATE MATERIALIZED VIEW e.mv_full AS SELECT id FROM e.nums;
        CREATE VIEW e.cols_view (renamed_a, renamed_b) AS SELECT 1, 'x'::text;
        CREATE TABLE e.arrs (a int[] , b text[], c int[]);
        INSERT INTO e.arrs VALUES ('[0:1]={1,2}', '{"a,b","NULL",NULL,""}', '{}');
        CREATE TABLE e.lp_part (id int, k text) PARTITION BY LIST (k);
        CREATE TABLE e.lp_a PARTITION OF e.lp_part FOR VALUES IN ('a', NULL);
        CREATE TABLE e.lp_b (k text, id int);
        ALTER TABLE e.lp_part ATTACH PARTITION e.lp_b FOR VALUES IN ('b');
        CREATE INDEX ON e.lp_part (id);
        INSERT INTO e.lp_part VALUES (1, 'a'), (2, NULL), (3, 'b');
        CREATE TABLE e.expr_part (d date, v int) PARTITION BY RANGE (extract(year FROM d));
        CREATE TABLE e.expr_part_1 PARTITION OF e.expr_part FOR VALUES FROM (2000) TO (2100);
        INSERT INTO e.expr_part VALUES ('2024-05-05', 1);
        CREATE TABLE e.bigvals (id int, t text, b bytea);
        INSERT INTO e.bigvals SELECT g, repeat(md5(g::text), 3000), decode(repeat(md5(g::text), 2000), 'hex') FROM generate_series(1, 5) g;
        CREATE FUNCTION e.setcfg() RETURNS void LANGUAGE plpgsql SET work_mem = '8MB' SET search_path = e, public AS $$BEGIN END$$;
        CREATE OPERATOR e.=== (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq, COMMUTATOR = OPERATOR(e.===));
        CREATE VIEW e.usesop AS SELECT id FROM e.nums WHERE id OPERATOR(e.===) 1;
        CREATE TABLE e.coll (a text COLLATE "C", b text COLLATE "POSIX");
        CREATE INDEX ix_c ON e.coll ((a || b) COLLATE "POSIX" text_pattern_ops);
        CREATE COLLATION e.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
        CREATE TABLE e.citab (t text COLLATE e.ci UNIQUE);
        INSERT INTO e.citab VALUES ('Abc');
        """;

    private static final String SINCE_14 = """
        CREATE TABLE e.cmp (t text COMPRESSION pglz);
        CREATE STATISTICS e.st_expr ON (a + b), c FROM e.stats;
        CREATE FUNCTION e.atomic(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT a + 1; END;
        CREATE PROCEDURE e.proc_out(IN a int, OUT b int) LANGUAGE plpgsql AS $$BEGIN b := a; END$$;
        CREATE TYPE e.multi AS RANGE (subtype = int8, multirange_type_name = e.int8multi);
        CREATE TABLE e.mr (m e.int8multi, n int4multirange);
        INSERT INTO e.mr VALUES ('{[1,3),[5,6)}', '{}');
        CREATE UNLOGGED TABLE e.ulog (id int GENERATED ALWAYS AS IDENTITY, v text);
        INSERT INTO e.ulog (v) VALUES ('a');
        """;

    private static final String SINCE_15 = """
        CREATE TABLE e.nnd (a int, b int, UNIQUE NULLS NOT DISTINCT (a, b));
        CREATE TABLE e.sdel (id int, ref_a int, ref_b int, FOREIGN KEY (ref_a, ref_b) REFERENCES e.keys (a, b) ON DELETE SET NULL (ref_b));
        CREATE VIEW e.invoker WITH (security_invoker = true) AS SELECT * FROM e.nums;
        CREATE UNLOGGED SEQUENCE e.useq;
        """;

    private static final String SINCE_17 = """
        CREATE TABLE e.pid (id int GENERATED ALWAYS AS IDENTITY (START 7), k int) PARTITION BY LIST (k);
        CREATE TABLE e.pid_1 PARTITION OF e.pid FOR VALUES IN (1);
        INSERT INTO e.pid (k) VALUES (1), (1);
        CREATE TABLE e.expr (a int, b int GENERATED ALWAYS AS (a * 2) STORED);
        ALTER TABLE e.expr ALTER COLUMN b SET EXPRESSION AS (a * 3);
        INSERT INTO e.expr (a) VALUES (2);
        """;

    private static final String SINCE_18 = """
        CREATE TABLE e.virt (a int, b int GENERATED ALWAYS AS (a + 1) VIRTUAL);
        INSERT INTO e.virt (a) VALUES (1);
        CREATE TABLE e.ne (a int, CONSTRAINT ne_chk CHECK (a > 0) NOT ENFORCED);
        INSERT INTO e.ne VALUES (-1);
        CREATE EXTENSION btree_gist WITH SCHEMA public;
        CREATE TABLE e.tempo (id int, valid int4range, PRIMARY KEY (id, valid WITHOUT OVERLAPS));
        CREATE TABLE e.tempo_ref (id int, valid int4range, FOREIGN KEY (id, PERIOD valid) REFERENCES e.tempo (id, PERIOD valid));
        INSERT INTO e.tempo VALUES (1, '[1,10)');
        INSERT INTO e.tempo_ref VALUES (1, '[2,3)');
        CREATE TABLE e.nn (a int CONSTRAINT a_nn NOT NULL, b int);
        ALTER TABLE e.nn ADD CONSTRAINT b_nn NOT NULL b NOT VALID;
        CREATE TABLE e.nn_child (c int) INHERITS (e.nn);
        CREATE TABLE e.nn_local (a int CONSTRAINT nn_local_a NOT NULL NO INHERIT);
        CREATE TABLE e.nn_part (a int CONSTRAINT nn_part_a NOT NULL, k int) PARTITION BY LIST (k);
        CREATE TABLE e.nn_part_1 PARTITION OF e.nn_part FOR VALUES IN (1);
        INSERT INTO e.nn_child VALUES (1, 2, 3);
        """;

    @TempDir
    Path directory;

    /** Creates the shapes in schema {@code e}: those every major has, and those of the given major and older. */
    static void seed(TestDatabase database, int major) {
        database.execute(ENUM);
        database.execute(SQL);
        if (major >= 14) {
            database.execute(SINCE_14);
        }
        if (major >= 15) {
            database.execute(SINCE_15);
        }
        if (major >= 17) {
            database.execute(SINCE_17);
        }
        if (major >= 18) {
            database.execute(SINCE_18);
        }
    }

    static Stream<Integer> majors() {
        return PostgresServers.majors();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void edgeShapesRestoreToTheSource(int major) throws Exception {
        PostgresServer server = PostgresServers.major(major);
        for (Format format : Format.values()) {
            TestDatabase source = server.createDatabase();
            TestDatabase byPersistor = server.createOwnedDatabase();
            try {
                seed(source, major);
                BackupResult result = Persistor.backup(source.selectOnlyDataSource()).schema("e").enableRowSecurity()
                        .format(format).to(directory.resolve(major + "-" + format + ".sql"));
                // The extensions the schema uses come along, their array types with them: nothing is missing.
                assertThat(result.notes()).noneMatch(note -> note.startsWith("Not backed up"));
                Psql.assertRestoresAsSource(source, result.file(), "e");
                Persistor.restore(byPersistor.ownerDataSource()).from(result.file());
                Fingerprint.assertSame(source.fingerprint("e"), byPersistor.fingerprint("e"));
            } finally {
                source.drop();
                byPersistor.drop();
            }
        }
    }
}
