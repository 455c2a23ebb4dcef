#!/usr/bin/env bash
# Schema comparison benchmark: how long "persistor compare" (SchemaDiff: the differences and the migration plan)
# takes on a large generated schema.
#
# Usage: persistor-examples/src/bench/diff-benchmark.sh [TABLES]
#   TABLES (default 1000) tables are generated in schema public of a database "source", each with an identity
#   primary key, 7 or 8 columns (text, numeric, timestamptz, an enum, domains), a CHECK constraint, a secondary
#   index, a foreign key to the previous table and a comment; beside them TABLES/10 views (every fourth over the
#   view before it), TABLES/20 functions (sql and plpgsql), a few sequences, and triggers and row-level security
#   policies on every hundredth table. "target" is a copy of "source" (CREATE DATABASE ... TEMPLATE source) with
#   changes a schema picks up over time: on a tenth of the tables a dropped column, a changed column type, a
#   dropped index, an added check or a changed default; a column added to a tenth of the views; dropped functions;
#   extra tables; a dropped trigger, a changed policy, a changed sequence.
#   Timed, each as a fresh JVM through the launcher src/bin/persistor: the JVM's start alone (--version), the
#   comparison's report, the JSON plan and the migration script with every hazard allowed, the comparison of two
#   identical databases, and --verify, which applies the migration to a copy of the target in an empty scratch
#   database and compares again. Each runs RUNS times (default 3); the run with the median time is printed, with
#   its peak memory and exit code. Then the object counts, the number of differences and of plan statements, the
#   verification's outcome, and two checks of --verify: its account under --sql (where it goes to standard error),
#   and a second verification on the scratch database the first one filled (whose contents are to be replaced).
#
# Needs PostgreSQL server binaries (PG_BIN, default /usr/lib/postgresql/15/bin), psql, GNU time and jq; runs a
# throwaway server as the "postgres" user on PORT (default 54329) and removes everything when done.
# Build the CLI first: ./mvnw -q -DskipTests package
set -euo pipefail

tables=${1:-1000}
runs=${RUNS:-3}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
# server.sh checks for the dataset builder of the data benchmarks, which this one does not use.
DATASET=${DATASET:-true}
# shellcheck source=server.sh
source "$here/server.sh"
command -v jq >/dev/null 2>&1 || { echo "missing: jq" >&2; exit 1; }

q() { psql -X -q -h localhost -p "$port" -U postgres -v ON_ERROR_STOP=1 "$@"; }

echo "Generating the source schema ($tables tables)..."
q -d postgres -c "CREATE DATABASE source"
q -d source -v n="$tables" <<'SQL'
CREATE TYPE status AS ENUM ('new', 'active', 'suspended', 'closed');
CREATE DOMAIN amount AS numeric(12,2) CHECK (VALUE >= 0);
CREATE DOMAIN code AS text CHECK (VALUE ~ '^[A-Z0-9-]{1,16}$');
CREATE SEQUENCE invoice_no START 1000;
CREATE SEQUENCE batch_no INCREMENT 10 CACHE 20;
CREATE SEQUENCE ticket_no AS integer MAXVALUE 999999 CYCLE;
CREATE FUNCTION tidy_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.name := btrim(NEW.name);
  RETURN NEW;
END
$$;

-- Tables, one statement each: a single transaction creating them all would run out of lock slots.
SELECT format($f$CREATE TABLE t%1$s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id bigint%2$s,
  name text NOT NULL DEFAULT '',
  price numeric(10,2) NOT NULL DEFAULT 0,
  total amount,
  state status NOT NULL DEFAULT 'new',
  created_at timestamptz NOT NULL DEFAULT now()%3$s,
  CONSTRAINT t%1$s_price_check CHECK (price >= 0 AND price < 1000000)
)$f$, i, CASE WHEN i > 1 THEN format(' REFERENCES t%s (id)', i - 1) ELSE '' END,
       CASE WHEN i % 2 = 0 THEN E',\n  ref code' ELSE '' END)
FROM generate_series(1, :n) i
\gexec
SELECT format('CREATE INDEX t%1$s_state_idx ON t%1$s (state, created_at)', i),
       format('COMMENT ON TABLE t%1$s IS %2$L', i, 'Generated table ' || i || ' of the diff benchmark')
FROM generate_series(1, :n) i
\gexec

-- Views: three over tables, joined to their parent, then one over the view before it.
SELECT CASE WHEN j % 4 = 0
         THEN format('CREATE VIEW v%s AS SELECT id, name, parent_name FROM v%s WHERE state <> %L', j, j - 1, 'closed')
         ELSE format('CREATE VIEW v%1$s AS SELECT t.id, t.name, t.price, t.state, p.name AS parent_name'
                     ' FROM t%2$s t LEFT JOIN t%3$s p ON p.id = t.parent_id', j, j * 10, j * 10 - 1)
       END
FROM generate_series(1, :n / 10) j
\gexec

-- Functions: sql ones reading a table, plpgsql ones computing.
SELECT CASE WHEN j % 2 = 1
         THEN format($f$CREATE FUNCTION f%1$s(p_id bigint) RETURNS text LANGUAGE sql STABLE
                        AS $$ SELECT name FROM t%2$s WHERE id = p_id $$$f$, j, j * 20)
         ELSE format($f$CREATE FUNCTION f%1$s(p_price numeric) RETURNS numeric LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF p_price IS NULL THEN
    RETURN 0;
  END IF;
  RETURN round(p_price * %1$s / 100.0, 2);
END
$$$f$, j)
       END
FROM generate_series(1, :n / 20) j
\gexec

-- Triggers and policies on every hundredth table.
SELECT format('CREATE TRIGGER t%1$s_tidy BEFORE INSERT OR UPDATE ON t%1$s FOR EACH ROW EXECUTE FUNCTION tidy_name()', i)
FROM generate_series(100, :n, 100) i
\gexec
SELECT format('ALTER TABLE t%1$s ENABLE ROW LEVEL SECURITY', i),
       format('CREATE POLICY t%1$s_open ON t%1$s USING (state <> %2$L)', i, 'closed')
FROM generate_series(50, :n, 100) i
\gexec
SQL

echo "Creating the changed target..."
q -d postgres -c "CREATE DATABASE target TEMPLATE source" -c "CREATE DATABASE same TEMPLATE source"
q -d target -v n="$tables" <<'SQL'
-- A tenth of the tables, each with one of five changes.
SELECT CASE (i / 10) % 5
         WHEN 0 THEN format('ALTER TABLE t%s DROP COLUMN name', i)
         WHEN 1 THEN format('ALTER TABLE t%s ALTER COLUMN price TYPE numeric(14,4)', i)
         WHEN 2 THEN format('DROP INDEX t%s_state_idx', i)
         WHEN 3 THEN format('ALTER TABLE t%1$s ADD CONSTRAINT t%1$s_name_check CHECK (name <> %2$L)', i, '')
         ELSE format('ALTER TABLE t%s ALTER COLUMN state SET DEFAULT %L', i, 'active')
       END
FROM generate_series(5, :n, 10) i
\gexec

-- A tenth of the views gain a column (some of them have a view over them).
SELECT format('CREATE OR REPLACE VIEW v%1$s AS SELECT t.id, t.name, t.price, t.state, p.name AS parent_name,'
              ' t.created_at FROM t%2$s t LEFT JOIN t%3$s p ON p.id = t.parent_id', j, j * 10, j * 10 - 1)
FROM generate_series(3, :n / 10, 10) j
\gexec

-- Every fifth function is missing.
SELECT format('DROP FUNCTION f%s', j) FROM generate_series(5, :n / 20, 5) j
\gexec

-- Tables the source does not have.
SELECT format('CREATE TABLE extra%1$s (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,'
              ' t1_id bigint REFERENCES t1 (id), label text, at timestamptz DEFAULT now())', k)
FROM generate_series(1, greatest(:n / 100, 1)) k
\gexec

-- A trigger, a policy and a sequence that changed.
SELECT format('DROP TRIGGER t%1$s_tidy ON t%1$s', i) FROM generate_series(100, :n, 100) i LIMIT 1
\gexec
SELECT format('ALTER POLICY t%1$s_open ON t%1$s USING (state = %2$L)', i, 'active')
FROM generate_series(50, :n, 100) i LIMIT 1
\gexec
ALTER SEQUENCE batch_no INCREMENT 5;
SQL
q -d postgres -c "VACUUM (ANALYZE)" -c "CHECKPOINT"

counts() {
  q -d "$1" -A -t -F ' ' -c "
    SELECT (SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'),
           (SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v'),
           (SELECT count(*) FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace),
           (SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'i'),
           (SELECT count(*) FROM pg_constraint k WHERE k.connamespace = 'public'::regnamespace),
           (SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'
             AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'i')),
           (SELECT count(*) FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
             WHERE c.relnamespace = 'public'::regnamespace AND NOT g.tgisinternal),
           (SELECT count(*) FROM pg_policy y JOIN pg_class c ON c.oid = y.polrelid
             WHERE c.relnamespace = 'public'::regnamespace)"
}
printf '\n%-8s %7s %6s %10s %8s %12s %10s %9s %9s\n' database tables views functions indexes constraints sequences \
  triggers policies
for db in source target; do
  # shellcheck disable=SC2046
  printf '%-8s %7s %6s %10s %8s %12s %10s %9s %9s\n' "$db" $(counts "$db")
done

launcher=$repo/persistor-examples/src/bin/persistor
out=$work/out
mkdir "$out"
all_hazards=DATA_LOSS,TABLE_REWRITE,FULL_SCAN,BLOCKING_INDEX_BUILD,MAY_FAIL_ON_DATA,BREAKS_DEPENDENTS
# The comparison's command up to the target database, which each measurement names.
compare=("$launcher" compare --s-host localhost --s-port "$port" --s-user postgres --s-db source
  --t-host localhost --t-port "$port" --t-user postgres --t-db)
# Runs a command RUNS times with its output in $out/NAME.out and .err; prints seconds, peak resident megabytes and
# exit code of the run with the median time. "compare" exits with 1 when it finds differences, so the exit code is
# printed rather than stopping the script; any other code than the expected one is flagged.
measure() {
  local label=$1 name=$2 expected=$3
  shift 3
  local i rc results=()
  for i in $(seq 1 "$runs"); do
    [ "$name" = verify ] && fresh_scratch
    rc=0
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$out/$name.out" 2>"$out/$name.err" || rc=$?
    # GNU time puts a line about a non-zero exit status before the figures.
    results+=("$(tail -n 1 "$work/time") $rc")
    cp "$out/$name.out" "$out/$name.$i.out"
    cp "$out/$name.err" "$out/$name.$i.err"
  done
  local median seconds kilobytes
  median=$(printf '%s\n' "${results[@]}" | sort -n -k1,1 | sed -n "$(((runs + 1) / 2))p")
  read -r seconds kilobytes rc <<<"$median"
  local flag=""
  [ "$rc" = "$expected" ] || flag="  <- expected exit code $expected"
  printf '%-62s %8s %9s %5s%s\n' "$label" "$seconds" "$((kilobytes / 1024))" "$rc" "$flag"
  last_rc=$rc
}
fresh_scratch() {
  q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS scratch" \
    -c "CREATE DATABASE scratch TEMPLATE template0"
}

printf '\n%-62s %8s %9s %5s\n' "persistor command (fresh JVM, median of $runs runs)" seconds "peak MB" exit
measure "--version (JVM start only)" version 0 "$launcher" --version
measure "compare source target: report" report 1 "${compare[@]}" target
measure "compare source target --json, every hazard allowed" json 1 "${compare[@]}" target --json --allow="$all_hazards"
measure "compare source target --sql, every hazard allowed" sql 1 "${compare[@]}" target --sql --allow="$all_hazards"
measure "compare source same (identical): report" identical 0 "${compare[@]}" same
# In the report's mode the verification's account follows the report on standard output.
measure "compare source target --verify scratch, every hazard allowed" verify 1 \
  "${compare[@]}" target --allow="$all_hazards" --verify=scratch
verify_rc=$last_rc

echo
echo "Report (hazards refused by default): $(grep -E '^[0-9]+ (differences?\.|statements? )' "$out/report.out" | tr '\n' ' ')"
echo "Identical databases: $(tr '\n' ' ' <"$out/identical.out")"
if jq -e . "$out/json.out" >/dev/null 2>&1; then
  echo "JSON plan summary (every hazard allowed): $(jq -c .plan.summary "$out/json.out")"
  echo "Differences by kind and change: $(jq -r '[.differences[] | "\(.kind) \(.change)"] | group_by(.)
    | map("\(length) \(.[0])") | join(", ")' "$out/json.out")"
else
  echo "The --json output is not JSON:"
  head -n 20 "$out/json.out"
fi
echo "Migration script (--sql, every hazard allowed): $(wc -l <"$out/sql.out") lines, of which" \
  "$(grep -c '^--' "$out/sql.out" || true) comments"

# The verification's account: the lines after the report. Remaining differences are grouped with the tables'
# numbers taken out, and the first few printed as they are.
verification() {
  sed -n '/^[0-9]* differences\?\.$/,$p' "$1" | grep -v '^[0-9]* \(differences\?\|statements\? of the migration\)' || true
}
verification "$out/verify.out" >"$out/verification"
if [ "$verify_rc" = 1 ]; then passed=PASSED; else passed="FAILED (exit code $verify_rc)"; fi
echo "Verification (--verify scratch, every hazard allowed): $passed"
if [ ! -s "$out/verification" ]; then
  echo "  (no verification account printed)"
else
  { grep -v '^Left after the migration: ' "$out/verification" || true; } | sed 's/^/  /'
  left=$(grep -c '^Left after the migration: ' "$out/verification" || true)
  if [ "$left" -gt 0 ]; then
    echo "  $left differences left after the migration; grouped:"
    grep '^Left after the migration: ' "$out/verification" | sed 's/^Left after the migration: //; s/[0-9]\+/N/g' \
      | sort | uniq -c | sort -rn | sed 's/^/    /'
    echo "  the first five:"
    grep '^Left after the migration: ' "$out/verification" | head -n 5 | sed 's/^/    /'
  fi
fi

# Two checks of --verify beside the timings: with --sql the account goes to standard error; and a scratch
# database that still holds the previous verification's copy is to be replaced.
fresh_scratch
rc=0
"${compare[@]}" target --sql --allow="$all_hazards" --verify=scratch >"$out/check-sql.out" 2>"$out/check-sql.err" || rc=$?
echo "--sql --verify on an empty scratch database: exit code $rc, $(wc -c <"$out/check-sql.out") bytes of SQL," \
  "$(wc -l <"$out/check-sql.err") lines on standard error (where its verification account is to go)"
sed 's/^/  stderr: /' "$out/check-sql.err" | head -n 5
rc=0
"${compare[@]}" target --allow="$all_hazards" --verify=scratch >"$out/check-reuse.out" 2>"$out/check-reuse.err" || rc=$?
echo "--verify again on that scratch database (now holding the copy): exit code $rc," \
  "$(wc -c <"$out/check-reuse.out") bytes on standard output"
verification "$out/check-reuse.out" >"$out/reuse-verification"
if [ -s "$out/reuse-verification" ]; then
  { grep -v '^Left after the migration: ' "$out/reuse-verification" || true; } | sed 's/^/  /'
  echo "  $(grep -c '^Left after the migration: ' "$out/reuse-verification" || true) differences left after the migration"
else
  echo "  (no verification account on standard output)"
fi
sed 's/^/  stderr: /' "$out/check-reuse.err" | head -n 5

for name in version report json sql identical verify; do
  for i in $(seq 1 "$runs"); do
    if [ -s "$out/$name.$i.err" ]; then
      echo "stderr of $name, run $i:"
      sed 's/^/  /' "$out/$name.$i.err"
    fi
  done
done
