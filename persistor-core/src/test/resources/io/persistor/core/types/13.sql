-- Values of every built-in type family, and of contrib's hstore and citext, with the awkward ones.
CREATE EXTENSION hstore;
CREATE EXTENSION citext;
CREATE TYPE public.color AS ENUM ('red', 'green', 'it''s "blue"');
CREATE TYPE public.pair AS (a int, b text);
CREATE DOMAIN public.posint AS int CHECK (VALUE > 0);
CREATE TABLE public.v (
    id int PRIMARY KEY,
    i2 smallint, i4 integer, i8 bigint, num numeric, num_p numeric(40,20), f4 real, f8 double precision, m money,
    t text, vc varchar(10), c char(5), ch "char", nm name,
    b bytea, bo boolean, u uuid, j json, jb jsonb, x xml,
    d date, ts timestamp(6), tstz timestamptz, tm time, tmtz timetz, iv interval,
    ia int[], ta text[], nested int[][], arr_enum public.color[], arr_comp public.pair[], arr_dom public.posint[],
    comp public.pair, en public.color, dom public.posint,
    r4 int4range, r8 int8range, nr numrange, tsr tsrange, tzr tstzrange, dr daterange,
    ip inet, net cidr, mac macaddr, mac8 macaddr8,
    bits bit(4), vbits varbit(10),
    tsv tsvector, tsq tsquery,
    pt point, ln line, ls lseg, bx box, pth path, pg polygon, ci circle,
    o oid, rc regclass, rt regtype, rp regproc, rn regnamespace,
    hs public.hstore, ct public.citext, lsn pg_lsn
);
INSERT INTO public.v (id, i2, i4, i8, num, num_p, f4, f8, m) VALUES
    (1, -32768, -2147483648, -9223372036854775808, 'NaN', 0.00000000000000000001, 'NaN', 'NaN', '-92233720368547758.08'),
    (2, 32767, 2147483647, 9223372036854775807, 1e-1000, 99999999999999999999.99999999999999999999, 'Infinity',
     '-Infinity', '92233720368547758.07'),
    (3, 0, 0, 0, -0.000, -1.5, '-0', '-0', 0),
    (4, NULL, NULL, NULL, 123456789012345678901234567890.123456789012345678901234567890, NULL, 3.4028235e38,
     1.7976931348623157e308, NULL),
    (5, 1, 2, 3, 4.5, 6.7, 1.17549435e-38, 4.9e-324, 1.23);
UPDATE public.v SET
    t = CASE id
        WHEN 1 THEN E'quote '' double " backslash \\ tab \t newline \n cr \r'
        WHEN 2 THEN E'\\.\n\\.\nCOPY x FROM stdin;\n$$ $tag$ '';-- /* */'
        WHEN 3 THEN ''
        WHEN 4 THEN (SELECT string_agg(chr(g), '') FROM generate_series(1, 31) g) || chr(127)
        ELSE '4-byte 😀 𝄞 🇳🇴 and ünïcødé and ‮right-to-left' END,
    vc = (CASE WHEN id = 1 THEN 'ten chars!' WHEN id = 3 THEN '' END)::varchar(10),
    c = (CASE WHEN id = 1 THEN 'ab' WHEN id = 2 THEN 'abcde' END)::char(5),
    ch = (CASE WHEN id = 1 THEN 'x' WHEN id = 2 THEN '''' END)::"char",
    nm = (CASE WHEN id = 1 THEN 'a name' END)::name,
    b = (CASE id WHEN 1 THEN (SELECT decode(string_agg(lpad(to_hex(g), 2, '0'), ''), 'hex') FROM generate_series(0, 255) g)
                WHEN 2 THEN ''::bytea WHEN 3 THEN '\x5c2e0a'::bytea END)::bytea,
    bo = (CASE id WHEN 1 THEN true WHEN 2 THEN false END)::boolean,
    u = (CASE WHEN id = 1 THEN 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid END)::uuid,
    j = (CASE id WHEN 1 THEN '{"a": "\u0000 \u00e9 \ud83d\ude00", "b":   [1, 2.50, null],  "a": 2}' WHEN 2 THEN 'null'
                WHEN 3 THEN '"\"quoted\""' END)::json,
    jb = (CASE id WHEN 1 THEN '{"é": "\u00e9", "emoji": "\ud83d\ude00", "n": 1.50, "nested": {"a": [true, null]}}'
                 WHEN 2 THEN '[]' WHEN 3 THEN '"tab\tquote\"back\\"' END)::jsonb,
    x = (CASE id WHEN 1 THEN '<a b="1">x &amp; y <c/></a>' WHEN 2 THEN 'plain text &lt; content' END)::xml,
    d = (CASE id WHEN 1 THEN 'infinity' WHEN 2 THEN '-infinity' WHEN 3 THEN '4713-01-01 BC' WHEN 4 THEN '5874897-12-31'
                WHEN 5 THEN '2024-02-29' END)::date,
    ts = (CASE id WHEN 1 THEN 'infinity' WHEN 2 THEN '-infinity' WHEN 3 THEN '4713-01-01 00:00:00 BC'
                 WHEN 4 THEN '294276-12-31 23:59:59.999999' WHEN 5 THEN '2000-01-01 00:00:00.000001' END)::timestamp(6),
    tstz = (CASE id WHEN 1 THEN 'infinity' WHEN 2 THEN '-infinity' WHEN 3 THEN '1900-01-01 00:00:00+00:19:32'
                   WHEN 4 THEN '2024-03-31 02:30:00 Europe/Oslo' WHEN 5 THEN '2038-01-19 03:14:08+14' END)::timestamptz,
    tm = (CASE id WHEN 1 THEN '24:00:00' WHEN 2 THEN '00:00:00' WHEN 3 THEN '12:34:56.789012' END)::time,
    tmtz = (CASE id WHEN 1 THEN '24:00:00-15:59' WHEN 2 THEN '00:00:00+15:59' WHEN 3 THEN '12:00:00+05:45' END)::timetz,
    iv = (CASE id WHEN 1 THEN '-178000000 years' WHEN 2 THEN '178000000 years' WHEN 3 THEN '1 mon -1 day 00:00:00.000001'
                 WHEN 4 THEN '-1 days +02:03:04' WHEN 5 THEN '0' END)::interval,
    ia = (CASE id WHEN 1 THEN '{}' WHEN 2 THEN '{NULL,1,NULL}' WHEN 3 THEN '[0:2]={1,2,3}' WHEN 4 THEN '[-5:-4]={7,8}' END)::int[],
    ta = (CASE id WHEN 1 THEN ARRAY['', 'NULL', NULL, 'a,b', 'q"uote', 'back\slash', '{brace}', ' lead', 'ü😀']
                 WHEN 2 THEN '{}' END)::text[],
    nested = (CASE id WHEN 1 THEN '{{1,2},{3,4}}' WHEN 2 THEN '[1:1][2:3]={{5,6}}' END)::int[],
    arr_enum = (CASE id WHEN 1 THEN ARRAY['red', 'it''s "blue"']::public.color[] WHEN 2 THEN '{}' END)::public.color[],
    arr_comp = (CASE id WHEN 1 THEN ARRAY[ROW(1, 'a,b')::public.pair, ROW(NULL, NULL)::public.pair, NULL] END)::public.pair[],
    arr_dom = (CASE id WHEN 1 THEN '{1,2}'::public.posint[] END)::public.posint[],
    comp = (CASE id WHEN 1 THEN ROW(1, E'quote " and \\ and ,')::public.pair WHEN 2 THEN ROW(NULL, '')::public.pair END)::public.pair,
    en = (CASE id WHEN 1 THEN 'it''s "blue"'::public.color WHEN 2 THEN 'red' END)::public.color,
    dom = (CASE id WHEN 1 THEN 42 END)::public.posint,
    r4 = (CASE id WHEN 1 THEN 'empty' WHEN 2 THEN '[1,)' WHEN 3 THEN '(,5]' WHEN 4 THEN '(,)' END)::int4range,
    r8 = (CASE id WHEN 1 THEN '[-9223372036854775808,9223372036854775807)' END)::int8range,
    nr = (CASE id WHEN 1 THEN '[1.5,2.25]' WHEN 2 THEN '(,0)' END)::numrange,
    tsr = (CASE id WHEN 1 THEN '[2024-01-01 00:00,infinity)' END)::tsrange,
    tzr = (CASE id WHEN 1 THEN '["2024-01-01 00:00+00","2024-01-02 00:00+05")' END)::tstzrange,
    dr = (CASE id WHEN 1 THEN '[2024-01-01,2024-02-01)' WHEN 2 THEN '[-infinity,infinity]' END)::daterange,
    ip = (CASE id WHEN 1 THEN '192.168.0.1/24' WHEN 2 THEN '::ffff:1.2.3.4/128' WHEN 3 THEN '2001:db8::1' END)::inet,
    net = (CASE id WHEN 1 THEN '10.0.0.0/8' WHEN 2 THEN '2001:db8::/32' END)::cidr,
    mac = (CASE id WHEN 1 THEN '08:00:2b:01:02:03' END)::macaddr,
    mac8 = (CASE id WHEN 1 THEN '08:00:2b:01:02:03:04:05' END)::macaddr8,
    bits = (CASE id WHEN 1 THEN B'1010' WHEN 2 THEN B'0000' END)::bit(4),
    vbits = (CASE id WHEN 1 THEN B'1' WHEN 2 THEN B'' END)::varbit(10),
    tsv = (CASE id WHEN 1 THEN 'a:1A fat:2B,4C cat:5D ''it''''s'':6' WHEN 2 THEN '' END)::tsvector,
    tsq = (CASE id WHEN 1 THEN 'fat & (rat | !cat) <-> ''it''''s''' END)::tsquery,
    pt = (CASE id WHEN 1 THEN '(1.5,-2)' WHEN 2 THEN '(NaN,Infinity)' END)::point,
    ln = (CASE id WHEN 1 THEN '{1,-1,0}' END)::line,
    ls = (CASE id WHEN 1 THEN '[(0,0),(1,1)]' END)::lseg,
    bx = (CASE id WHEN 1 THEN '(1,1),(0,0)' END)::box,
    pth = (CASE id WHEN 1 THEN '[(0,0),(1,1),(2,0)]' WHEN 2 THEN '((0,0),(1,1))' END)::path,
    pg = (CASE id WHEN 1 THEN '((0,0),(1,1),(1,0))' END)::polygon,
    ci = (CASE id WHEN 1 THEN '<(0,0),1.5>' END)::circle,
    o = (CASE id WHEN 1 THEN 4294967295 WHEN 2 THEN 0 END)::oid,
    rc = (CASE id WHEN 1 THEN 'public.v'::regclass WHEN 2 THEN 'pg_catalog.pg_class'::regclass END)::regclass,
    rt = (CASE id WHEN 1 THEN 'public.color'::regtype WHEN 2 THEN 'integer[]'::regtype END)::regtype,
    rp = (CASE id WHEN 1 THEN 'pg_catalog.now'::regproc END)::regproc,
    rn = (CASE id WHEN 1 THEN 'public'::regnamespace END)::regnamespace,
    hs = (CASE id WHEN 1 THEN 'a=>1, "b c"=>NULL, "q\"uote"=>"v\\al", ""=>""' WHEN 2 THEN '' END)::public.hstore,
    ct = (CASE id WHEN 1 THEN 'MiXeD Case' WHEN 2 THEN '' END)::public.citext,
    lsn = (CASE id WHEN 1 THEN '16/B374D848' WHEN 2 THEN '0/0' END)::pg_lsn;
