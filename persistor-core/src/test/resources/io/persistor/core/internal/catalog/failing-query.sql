-- A catalog query that fails on the server, dividing by zero.
SELECT 1 / (pg_catalog.cardinality(?::text[]) * 0) AS never
