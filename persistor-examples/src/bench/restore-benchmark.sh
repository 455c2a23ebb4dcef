#!/usr/bin/env bash
# Restore benchmark: psql, pg_restore -j 2 and Persistor.restore (the CLI through its launcher) on the same data,
# side by side; and the restore of a small fixture.
#
# Usage: persistor-examples/src/bench/restore-benchmark.sh [SCALE] [WIDE_ROWS]
# Needs what backup-benchmark.sh needs. Every restore goes into a new empty database owned by a non-superuser and
# runs as that owner. Each of RUNS rounds (default 3) runs every restore once; the run with the median time is
# printed, with its ratio to psql's median, its peak resident memory and the CPU time of the client (psql,
# pg_restore or the JVM), which on a small machine competes with the server's backends. ONLY (an extended regular
# expression) keeps the restores whose labels match it (psql's always runs, for the ratio).
set -euo pipefail

scale=${1:-50}
wide_rows=${2:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
# shellcheck source=server.sh
source "$here/server.sh"

runs=${RUNS:-3}
q() { psql -X -q -h localhost -p "$port" -U postgres -v ON_ERROR_STOP=1 "$@"; }
echo "Building the dataset (scale $scale, $wide_rows wide rows)..."
"$dataset" localhost "$port" postgres bench "$scale" "$wide_rows" >/dev/null 2>&1
q -d postgres -c "CREATE ROLE owner LOGIN"
launcher=$repo/persistor-examples/src/bin/persistor
pg_dump -h localhost -p "$port" -U postgres -d bench --no-owner --no-privileges -f "$work/pg_dump.sql"
pg_dump -h localhost -p "$port" -U postgres -d bench --no-owner --no-privileges -Fd -j 2 -f "$work/pg_dump.dir"
for backup in "--format copy -f $work/copy.sql" "-f $work/inserts.sql" "--format copy --zstd -f $work/copy.sql.zst"; do
  # shellcheck disable=SC2086
  "$launcher" backup -h localhost -p "$port" -u postgres -d bench --no-progress $backup >/dev/null
done

psql_restore="psql -X -q -h localhost -p $port -U owner -v ON_ERROR_STOP=1 -1"
restore="$launcher restore -h localhost -p $port -u owner"
# One restore per line: label, command; DB stands for the new database's name.
restores=(
  "psql -1 -f, pg_dump's plain file|$psql_restore -d DB -f $work/pg_dump.sql"
  "pg_restore -j 2, pg_dump's directory|pg_restore -h localhost -p $port -U owner -d DB -j 2 --no-owner $work/pg_dump.dir"
  "Persistor restore, COPY file|$restore -d DB -f $work/copy.sql"
  "Persistor restore -j 2, COPY file|$restore -d DB -j 2 -f $work/copy.sql"
  "Persistor restore -j 2, COPY file --zstd|$restore -d DB -j 2 -f $work/copy.sql.zst"
  "Persistor restore -j 2, pg_dump's plain file|$restore -d DB -j 2 --allow-missing-marker -f $work/pg_dump.sql"
  "Persistor restore, INSERT file|$restore -d DB -f $work/inserts.sql"
  "Persistor restore -j 2, INSERT file|$restore -d DB -j 2 -f $work/inserts.sql"
  "psql -1 -f, Persistor's INSERT file|$psql_restore -d DB -f $work/inserts.sql"
)
if [ -n "${ONLY:-}" ]; then
  kept=("${restores[0]}")
  for entry in "${restores[@]:1}"; do
    if grep -qE -- "$ONLY" <<<"${entry%%|*}"; then kept+=("$entry"); fi
  done
  restores=("${kept[@]}")
fi

n=0
fresh() { n=$((n + 1)); db=target$n; q -d postgres -c "CREATE DATABASE $db OWNER owner"; }
# Runs one restore into a new database: prints its seconds, peak resident kilobytes and the client's CPU seconds
# (user and system).
run_once() {
  fresh
  sync
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" bash -c "${1//DB/$db}" >/dev/null
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$work/time"
  q -d postgres -c "DROP DATABASE $db"
}
for run in $(seq 1 "$runs"); do
  for i in "${!restores[@]}"; do
    run_once "${restores[$i]#*|}" >>"$work/results-$i"
  done
done
median() { sort -n "$1" | sed -n "$(((runs + 1) / 2))p"; }
read -r psql_seconds _ <<<"$(median "$work/results-0")"
printf '\n%-48s %9s %9s %10s %12s\n' "restore (median of $runs runs)" "seconds" "x psql" "peak MB" "client CPU s"
for i in "${!restores[@]}"; do
  read -r seconds kilobytes cpu <<<"$(median "$work/results-$i")"
  printf '%-48s %9s %9s %10d %12s\n' "${restores[$i]%%|*}" "$seconds" \
    "$(awk -v a="$seconds" -v b="$psql_seconds" 'BEGIN { printf "%.2f", a / b }')" $((kilobytes / 1024)) "$cpu"
done

[ -z "${ONLY:-}" ] || exit 0
# A test fixture: 10 tables of 1,000 rows, restored as a test would restore it before each test.
q -d postgres -c "CREATE DATABASE fixture"
for i in $(seq 1 10); do
  q -d fixture -c "CREATE TABLE t$i (id int PRIMARY KEY, name text, price numeric(8,2), at timestamptz)" \
    -c "INSERT INTO t$i SELECT g, 'item ' || g, g * 1.5, now() FROM generate_series(1, 1000) g"
done
"$launcher" backup -h localhost -p "$port" -u postgres -d fixture --no-progress -f "$work/fixture.sql" >/dev/null
read -r seconds _ <<<"$(run_once "$restore -d DB -f $work/fixture.sql")"
printf '%-48s %9s\n' "fixture (10 x 1,000 rows), CLI incl. JVM start" "$seconds"
fresh
"$launcher" restore -h localhost -p "$port" -u owner -d "$db" -f "$work/fixture.sql" \
  | sed 's/^/fixture restore as reported by Persistor: /'
