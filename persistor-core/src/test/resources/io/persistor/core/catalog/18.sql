-- What PostgreSQL 18 adds to the catalog round trip: virtual generated columns and named (and commented) NOT NULL
-- constraints, also NOT VALID (over a NULL) and NO INHERIT (with a child holding a NULL).
CREATE TABLE app.priced (net numeric NOT NULL, gross numeric GENERATED ALWAYS AS (net * 1.25) VIRTUAL,
    sku text CONSTRAINT sku_required NOT NULL);
INSERT INTO app.priced (net, sku) VALUES (10, 'a'), (2.5, 'b');
COMMENT ON CONSTRAINT sku_required ON app.priced IS 'every price has a stock unit';
COMMENT ON CONSTRAINT priced_net_not_null ON app.priced IS 'net first';
CREATE TABLE app.half_filled (a int, b text);
INSERT INTO app.half_filled VALUES (NULL, 'x'), (1, 'y');
ALTER TABLE app.half_filled ADD CONSTRAINT half_filled_a_nn NOT NULL a NOT VALID;
CREATE TABLE app.strict_parent (c int CONSTRAINT strict_parent_c_nn NOT NULL NO INHERIT);
CREATE TABLE app.lax_child () INHERITS (app.strict_parent);
INSERT INTO app.lax_child VALUES (NULL);
-- Partitions with NOT NULL constraints named otherwise than their parent's: attached, or declared
CREATE TABLE app.ledger (id int NOT NULL, amount numeric NOT NULL, k int) PARTITION BY LIST (k);
CREATE TABLE app.ledger_1 (id int NOT NULL, amount numeric CONSTRAINT ledger_1_amount_required NOT NULL, k int);
ALTER TABLE app.ledger ATTACH PARTITION app.ledger_1 FOR VALUES IN (1);
CREATE TABLE app.ledger_2 PARTITION OF app.ledger (k CONSTRAINT ledger_2_k_set NOT NULL) FOR VALUES IN (2);
INSERT INTO app.ledger VALUES (1, 5, 1), (2, 6, 2);
COMMENT ON CONSTRAINT ledger_2_k_set ON app.ledger_2 IS 'set on the partition';
-- A partition that computes a generated column its own way
CREATE TABLE app.scaled (a int, g int GENERATED ALWAYS AS (a * 2) STORED) PARTITION BY LIST (a);
CREATE TABLE app.scaled_1 PARTITION OF app.scaled (g GENERATED ALWAYS AS (a * 3) STORED) FOR VALUES IN (1);
CREATE TABLE app.scaled_2 PARTITION OF app.scaled FOR VALUES IN (2);
INSERT INTO app.scaled VALUES (1), (2);

-- Inheritance children naming the NOT NULL constraints they inherit, and children of two parents
CREATE TABLE app.nn_parent (a int NOT NULL, b int);
CREATE TABLE app.nn_child (CONSTRAINT nn_child_a NOT NULL a) INHERITS (app.nn_parent);
CREATE TABLE app.nn_lax (a int);
CREATE TABLE app.nn_strict (a int CONSTRAINT nn_strict_a NOT NULL);
CREATE TABLE app.nn_both () INHERITS (app.nn_lax, app.nn_strict);
INSERT INTO app.nn_child VALUES (1, 2);
INSERT INTO app.nn_both VALUES (3);
