#!/usr/bin/env bash
# Restore benchmark: psql and Persistor.restore on the same data, side by side; and the restore of a small fixture.
#
# Usage: persistor-examples/src/bench/restore-benchmark.sh [SCALE] [WIDE_ROWS]
# Needs what backup-benchmark.sh needs. Restores into empty databases owned by a non-superuser.
set -euo pipefail

scale=${1:-50}
wide_rows=${2:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
# shellcheck source=server.sh
source "$here/server.sh"

q() { psql -X -q -h localhost -p "$port" -U postgres -v ON_ERROR_STOP=1 "$@"; }
echo "Building the dataset (scale $scale, $wide_rows wide rows)..."
"$dataset" localhost "$port" postgres bench "$scale" "$wide_rows" >/dev/null 2>&1
q -d postgres -c "CREATE ROLE owner LOGIN"
cli=(java -jar "$jar")
pg_dump -h localhost -p "$port" -U postgres -d bench --no-owner --no-privileges -f "$work/pg_dump.sql"
pg_dump -h localhost -p "$port" -U postgres -d bench --no-owner --no-privileges -Fd -j 2 -f "$work/pg_dump.dir"
"${cli[@]}" backup -h localhost -p "$port" -u postgres -d bench --no-progress --format copy -f "$work/copy.sql" >/dev/null
"${cli[@]}" backup -h localhost -p "$port" -u postgres -d bench --no-progress -f "$work/inserts.sql" >/dev/null

n=0
fresh() { n=$((n + 1)); db=target$n; q -d postgres -c "CREATE DATABASE $db OWNER owner"; }
printf '\n%-44s %9s\n' "restore (into an empty database, as its owner)" "seconds"
measure() {
  local label=$1
  shift
  /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null
  printf '%-44s %9s\n' "$label" "$(cat "$work/time")"
}
fresh; measure "psql -f pg_dump -Fp file" psql -X -q -h localhost -p "$port" -U owner -d "$db" -v ON_ERROR_STOP=1 -1 -f "$work/pg_dump.sql"
fresh; measure "pg_restore -j 2, pg_dump -Fd directory" pg_restore -h localhost -p "$port" -U owner -d "$db" -j 2 --no-owner "$work/pg_dump.dir"
fresh; measure "Persistor restore, COPY file" "${cli[@]}" restore -h localhost -p "$port" -u owner -d "$db" -f "$work/copy.sql"
fresh; measure "Persistor restore -j 2, COPY file" "${cli[@]}" restore -h localhost -p "$port" -u owner -d "$db" -j 2 -f "$work/copy.sql"
fresh; measure "Persistor restore, INSERT file" "${cli[@]}" restore -h localhost -p "$port" -u owner -d "$db" -f "$work/inserts.sql"
fresh; measure "Persistor restore -j 2, INSERT file" "${cli[@]}" restore -h localhost -p "$port" -u owner -d "$db" -j 2 -f "$work/inserts.sql"
fresh; measure "psql -f Persistor INSERT file" psql -X -q -h localhost -p "$port" -U owner -d "$db" -v ON_ERROR_STOP=1 -1 -f "$work/inserts.sql"

# A test fixture: 10 tables of 1,000 rows, restored as a test would restore it before each test.
q -d postgres -c "CREATE DATABASE fixture"
for i in $(seq 1 10); do
  q -d fixture -c "CREATE TABLE t$i (id int PRIMARY KEY, name text, price numeric(8,2), at timestamptz)" \
    -c "INSERT INTO t$i SELECT g, 'item ' || g, g * 1.5, now() FROM generate_series(1, 1000) g"
done
"${cli[@]}" backup -h localhost -p "$port" -u postgres -d fixture --no-progress -f "$work/fixture.sql" >/dev/null
fresh; measure "fixture (10 x 1,000 rows), CLI incl. JVM start" "${cli[@]}" restore -h localhost -p "$port" -u owner -d "$db" -f "$work/fixture.sql"
fresh
"${cli[@]}" restore -h localhost -p "$port" -u owner -d "$db" -f "$work/fixture.sql" | sed 's/^/fixture restore as reported by Persistor: /'
