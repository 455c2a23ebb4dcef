-- The demo's sample shop: customers, products and orders, with an enum, jsonb, arrays, a view, a function,
-- a trigger and a sequence.
CREATE TYPE order_state AS ENUM ('new', 'paid', 'shipped', 'cancelled');
CREATE SEQUENCE invoice_number START 1000;
CREATE TABLE customer (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name text NOT NULL,
    preferences jsonb NOT NULL DEFAULT '{}',
    joined timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE product (
    sku text PRIMARY KEY,
    title text NOT NULL,
    price numeric(10,2) NOT NULL CHECK (price >= 0),
    tags text[] NOT NULL DEFAULT '{}'
);
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customer,
    state order_state NOT NULL DEFAULT 'new',
    invoice integer UNIQUE,
    placed timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE order_line (
    order_id bigint REFERENCES orders ON DELETE CASCADE,
    sku text REFERENCES product,
    quantity integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, sku)
);
CREATE FUNCTION order_total(order_id bigint) RETURNS numeric LANGUAGE sql STABLE
    AS 'SELECT coalesce(sum(l.quantity * p.price), 0) FROM order_line l JOIN product p USING (sku) WHERE l.order_id = $1';
CREATE FUNCTION assign_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.state = 'paid' AND NEW.invoice IS NULL THEN
        NEW.invoice := nextval('invoice_number');
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER orders_invoice BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION assign_invoice();
CREATE VIEW order_summary AS
    SELECT o.id, c.name AS customer, o.state, order_total(o.id) AS total FROM orders o JOIN customer c ON c.id = o.customer_id;
COMMENT ON TABLE orders IS 'one row per checkout';

INSERT INTO customer (email, name, preferences)
SELECT 'customer' || g || '@example.com', 'Customer ' || g, jsonb_build_object('newsletter', g % 2 = 0, 'lang', 'en')
FROM generate_series(1, 200) g;
INSERT INTO product VALUES ('P-1', 'Pen', 1.50, '{office}'), ('P-2', 'Paper, 500 sheets', 4.99, '{office,paper}'),
    ('P-3', 'Café au lait mug ☕', 8.00, '{kitchen}'), ('P-4', 'Desk "Pro"', 249.00, '{}');
INSERT INTO orders (customer_id, state) SELECT 1 + g % 200, (ARRAY['new', 'paid', 'shipped'])[1 + g % 3]::order_state
FROM generate_series(1, 500) g;
INSERT INTO order_line SELECT o.id, p.sku, 1 + (o.id + length(p.sku)) % 4 FROM orders o CROSS JOIN product p WHERE (o.id + ascii(right(p.sku, 1))) % 2 = 0;
