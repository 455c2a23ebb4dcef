-- A catalog query that takes half a second.
SELECT pg_catalog.pg_sleep(0.5) IS NULL AS slept, pg_catalog.cardinality(?::text[]) AS schemas
