#!/usr/bin/env bash
# Catalog-heavy benchmark: databases of N small tables (a primary key, one more index, three rows each) backed up
# by pg_dump -Fp and by the Persistor CLI as a SELECT-only role, side by side: seconds, peak memory (RSS), and the
# statements each sent to the server (counted from the server's log), for each N in SIZES (default
# "1000 10000"; add 50000 for the full curve). The median of RUNS (default 3) runs is printed.
#
# Usage: persistor-examples/src/bench/catalog-benchmark.sh   (after ./mvnw -DskipTests package)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
# shellcheck source=server.sh
source "$here/server.sh"
launcher=$repo/persistor-examples/src/bin/persistor
runs=${RUNS:-3}
sizes=${SIZES:-1000 10000}

sql() { psql -X -q -h localhost -p "$port" -U postgres -v ON_ERROR_STOP=1 "$@"; }
sql -d postgres -c "CREATE ROLE reader LOGIN" -c "ALTER SYSTEM SET log_statement = 'all'" \
  -c "ALTER SYSTEM SET log_line_prefix = '%a|'" -c "SELECT pg_reload_conf()" >/dev/null

# Creates database tables_N, in batches of 1,000 tables per transaction.
create() {
  local n=$1
  sql -d postgres -c "CREATE DATABASE tables_$n" >/dev/null
  for start in $(seq 1 1000 "$n"); do
    echo "BEGIN;"
    for i in $(seq "$start" $((start + 999 < n ? start + 999 : n))); do
      echo "CREATE TABLE t$i (id int PRIMARY KEY, name text NOT NULL, at timestamptz DEFAULT now());"
      echo "CREATE INDEX t${i}_name ON t$i (name);"
      echo "INSERT INTO t$i VALUES (1, 'one'), (2, 'two'), (3, 'three');"
    done
    echo "COMMIT;"
  done | sql -d "tables_$n" -o /dev/null
  sql -d "tables_$n" -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader" -c "VACUUM ANALYZE" >/dev/null
}

# Runs one backup: prints seconds, peak resident kilobytes, and the statements sent by sessions of the given
# application name (pg_dump's is "pg_dump", the CLI's backup "persistor-backup").
run_once() {
  local name=$1; shift
  local before
  before=$(grep -c "^$name|" "$work/server.log" || true)
  sync
  eval "/usr/bin/time -f '%e %M' -o '$work/time' $*" >/dev/null
  sleep 0.5 # the server's last log lines
  echo "$(cat "$work/time") $(($(grep -c "^$name|.*LOG:  statement:\|^$name|.*LOG:  execute" "$work/server.log" || true) - before))"
}
median_row() {
  sort -n | sed -n "$(((runs + 1) / 2))p" | {
    read -r seconds kilobytes statements
    printf '%-34s %8s %10d %12d\n' "$1" "$seconds" $((kilobytes / 1024)) "$statements"
  }
}

printf '%-34s %8s %10s %12s\n' "backup (median of $runs runs)" "seconds" "peak MB" "statements"
for n in $sizes; do
  create "$n"
  out=$work/out.sql
  dump="pg_dump -h localhost -p $port -U reader -d tables_$n -Fp -f $out"
  cli="$launcher backup -h localhost -p $port -u reader -d tables_$n --no-progress --overwrite -f $out"
  rm -f "$work/dump" "$work/cli"
  for _ in $(seq 1 "$runs"); do
    run_once pg_dump "$dump" >>"$work/dump"
    run_once persistor-backup "$cli" >>"$work/cli"
  done
  dump_row=$(median_row "pg_dump -Fp, $n tables" <"$work/dump")
  cli_row=$(median_row "Persistor CLI, $n tables" <"$work/cli")
  echo "$dump_row"
  echo "$cli_row"
  printf '%-34s %7.2fx\n' "ratio, $n tables" \
    "$(echo "$(awk '{print $(NF-2)}' <<<"$cli_row") / $(awk '{print $(NF-2)}' <<<"$dump_row")" | bc -l)"
  sql -d postgres -c "DROP DATABASE tables_$n" >/dev/null
done
