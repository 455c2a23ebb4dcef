#!/usr/bin/env bash
# Subset benchmark: a 1% subset of pgbench_accounts (a where on it, foreign keys followed) next to full backups of
# the same pgbench tables, by pg_dump and by Persistor: wall time, peak memory, file size and rows.
#
# Usage: persistor-examples/src/bench/subset-benchmark.sh [SCALE] [WIDE_ROWS]
#   The shared dataset (SCALE=50: 5 million accounts) with pgbench's foreign keys added (pgbench -i -I f). Each
#   backup runs RUNS times (default 3), side by side; the median is printed. Needs what backup-benchmark.sh needs.
set -euo pipefail

scale=${1:-50}
wide_rows=${2:-1000}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
# shellcheck source=server.sh
source "$here/server.sh"

echo "Building the dataset (scale $scale)..."
"$dataset" localhost "$port" postgres bench "$scale" "$wide_rows" >/dev/null
pgbench -i -I f -h localhost -p "$port" -U postgres bench >/dev/null 2>&1
psql -X -q -h localhost -p "$port" -U postgres -d bench -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE reader LOGIN" -c "GRANT USAGE ON SCHEMA public TO reader" \
  -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader" \
  -c "GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO reader" -c "VACUUM (FREEZE, ANALYZE)" -c "CHECKPOINT"
psql -X -q -h localhost -p "$port" -U postgres -d bench -At \
  -c "SELECT 'foreign keys: ' || count(*) FROM pg_constraint WHERE contype = 'f'"

out=$work/out
mkdir "$out"
runs=${RUNS:-3}
tables=pgbench_accounts,pgbench_branches,pgbench_tellers,pgbench_history
cli="$repo/persistor-examples/src/bin/persistor backup -h localhost -p $port -u reader -d bench --no-progress -t $tables"
backups=(
  "pg_dump -Fp, pgbench tables|pg_dump.sql|pg_dump -h localhost -p $port -U reader -d bench -Fp $(printf -- '-t %s ' ${tables//,/ })"
  "Persistor COPY, pgbench tables|copy.sql|$cli --format copy"
  "Persistor COPY, 1% of accounts + what they reference|subset.sql|$cli --format copy --where 'pgbench_accounts: aid % 100 = 0'"
)
for run in $(seq 1 "$runs"); do
  for i in "${!backups[@]}"; do
    IFS='|' read -r label file command <<<"${backups[$i]}"
    rm -f "$out/$file"
    sync
    eval "/usr/bin/time -f '%e %M' -o '$work/time' $command -f '$out/$file'" >/dev/null
    rows=$(grep -c '' "$out/$file")
    echo "$(cat "$work/time") $(($(stat -c %s "$out/$file") / 1048576)) $rows" >>"$work/results-$i"
  done
done
printf '\n%-52s %9s %10s %9s %12s\n' "backup (median of $runs runs)" "seconds" "peak MB" "file MB" "lines"
for i in "${!backups[@]}"; do
  IFS='|' read -r label file command <<<"${backups[$i]}"
  sort -n "$work/results-$i" | sed -n "$(((runs + 1) / 2))p" | {
    read -r seconds kilobytes megabytes lines
    printf '%-52s %9s %10d %9d %12d\n' "$label" "$seconds" $((kilobytes / 1024)) "$megabytes" "$lines"
  }
done
echo
grep -h '^-- Rows of' "$out/subset.sql" || true
