package io.persistor.core.internal.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.persistor.model.QualifiedName;
import org.junit.jupiter.api.Test;

/** Statements of Persistor's and pg_dump's scripts, each read as the object it is about. */
class StatementClassifierTest {

    private static final QualifiedName ORDERS = new QualifiedName("shop", "orders");

    @Test
    void readsDataAndTablesAndWhatBelongsToThem() {
        assertThat(StatementClassifier.classify("INSERT INTO \"shop\".\"orders\" (\"id\") VALUES (1), (2)"))
                .isEqualTo(new ScriptObject("TABLE DATA", ORDERS, ORDERS, null));
        assertThat(StatementClassifier.classify("COPY shop.orders (id, placed) FROM stdin"))
                .isEqualTo(new ScriptObject("TABLE DATA", ORDERS, ORDERS, null));
        assertThat(StatementClassifier.classify("COPY \"shop\".\"orders\" (\"id\") FROM stdin"))
                .isEqualTo(new ScriptObject("TABLE DATA", ORDERS, ORDERS, null));
        assertThat(StatementClassifier.classify("CREATE TABLE \"Shop\".\"Odd \"\"name\"\"\" (id int)").name())
                .isEqualTo(new QualifiedName("Shop", "Odd \"name\""));
        assertThat(StatementClassifier.classify("CREATE TABLE shop.e_1 PARTITION OF shop.e FOR VALUES IN (1)"))
                .isEqualTo(new ScriptObject("TABLE", new QualifiedName("shop", "e_1"), new QualifiedName("shop",
                        "e_1"), new QualifiedName("shop", "e")));
        assertThat(StatementClassifier.classify("ALTER TABLE ONLY shop.orders\n    ADD CONSTRAINT orders_fk FOREIGN "
                + "KEY (customer_id) REFERENCES shop.customer(id)")).isEqualTo(new ScriptObject("FK CONSTRAINT",
                new QualifiedName("shop", "orders_fk"), ORDERS, new QualifiedName("shop", "customer")));
        assertThat(StatementClassifier.classify("CREATE UNIQUE INDEX i ON ONLY shop.orders USING btree (id)"))
                .isEqualTo(new ScriptObject("INDEX", new QualifiedName("shop", "i"), ORDERS, null));
        assertThat(StatementClassifier.classify("CREATE TRIGGER t AFTER INSERT OR UPDATE OF placed ON shop.orders "
                + "FOR EACH ROW EXECUTE FUNCTION shop.f()").table()).isEqualTo(ORDERS);
        assertThat(StatementClassifier.classify("COMMENT ON COLUMN shop.orders.placed IS 'when'").table())
                .isEqualTo(ORDERS);
        assertThat(StatementClassifier.classify("GRANT SELECT (id) ON TABLE shop.orders TO reader").kind())
                .isEqualTo("ACL");
        assertThat(StatementClassifier.classify("SELECT pg_catalog.setval('\"shop\".\"orders_id_seq\"', 9, true)"))
                .isEqualTo(new ScriptObject("SEQUENCE SET", new QualifiedName("shop", "orders_id_seq"), null, null));
        assertThat(StatementClassifier.identitySequences("CREATE TABLE shop.orders (id bigint GENERATED ALWAYS AS "
                + "IDENTITY (SEQUENCE NAME \"shop\".\"orders_id_seq\" START WITH 1))"))
                .containsExactly(new QualifiedName("shop", "orders_id_seq"));
    }

    @Test
    void passesOverSessionSettingsAndNamesWhatItCannotPlace() {
        assertThat(StatementClassifier.classify("SET statement_timeout = 0")).isNull();
        assertThat(StatementClassifier.classify("SELECT pg_catalog.set_config('search_path', '', false)")).isNull();
        assertThat(StatementClassifier.classify("DO $$ BEGIN NULL; END $$").kind()).isEqualTo("OTHER");
        assertThat(StatementClassifier.classify("CREATE FUNCTION shop.f() RETURNS trigger AS $$ x $$").name())
                .isEqualTo(new QualifiedName("shop", "f"));
    }
}
