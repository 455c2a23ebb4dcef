-- What PostgreSQL 14 adds to the types round trip: multiranges and numeric infinities.
ALTER TABLE public.v ADD COLUMN mr int4multirange, ADD COLUMN num_inf numeric;
UPDATE public.v SET mr = (CASE id WHEN 1 THEN '{[1,3), [5,8)}' WHEN 2 THEN '{}' END)::int4multirange,
                    num_inf = (CASE id WHEN 1 THEN 'Infinity' WHEN 2 THEN '-Infinity' END)::numeric;
