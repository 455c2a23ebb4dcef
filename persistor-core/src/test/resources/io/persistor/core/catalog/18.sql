-- What PostgreSQL 18 adds to the catalog round trip: virtual generated columns and named NOT NULL constraints.
CREATE TABLE app.priced (net numeric NOT NULL, gross numeric GENERATED ALWAYS AS (net * 1.25) VIRTUAL,
    sku text CONSTRAINT sku_required NOT NULL);
INSERT INTO app.priced (net, sku) VALUES (10, 'a'), (2.5, 'b');
