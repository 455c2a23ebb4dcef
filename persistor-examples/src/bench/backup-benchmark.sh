#!/usr/bin/env bash
# Backup benchmark: Persistor next to pg_dump on the same data, wall time and peak memory (RSS) side by side.
#
# Usage: persistor-examples/src/bench/backup-benchmark.sh [SCALE] [WIDE_ROWS]
#   SCALE=50 WIDE_ROWS=1000000 (the defaults) build about 1 GB: pgbench tables plus a mixed-type table "wide".
#   Each backup runs RUNS times (default 3); the run with the median time is printed. The CLI rows run the
#   launcher src/bin/persistor (the jar with the serial collector) and include the JVM's start; the "embedded"
#   rows are backups taken inside one running JVM with a pool, as an application takes them
#   (io.persistor.examples.bench.EmbeddedBackupTimings, warmed up by one run each). Afterwards a 100 MB text value
#   is added and backed up again, by pg_dump and by the CLI with a 64 MB heap.
#
# Needs PostgreSQL server binaries (PG_BIN, default /usr/lib/postgresql/15/bin: Debian's postgresql-15),
# pgbench, pg_dump and psql, GNU time, and the dataset builder (DATASET, default ../shared/bench/make-dataset.sh
# beside the repository). Runs a throwaway server as the "postgres" user on PORT (default 54329), backs up as a
# SELECT-only role, and removes everything when done. Build the CLI first: ./mvnw -q -DskipTests package
set -euo pipefail

scale=${1:-50}
wide_rows=${2:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
# shellcheck source=server.sh
source "$here/server.sh"

echo "Building the dataset (scale $scale, $wide_rows wide rows)..."
size=$("$dataset" localhost "$port" postgres bench "$scale" "$wide_rows" | tail -n 1)
psql -X -q -h localhost -p "$port" -U postgres -d bench -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE reader LOGIN" \
  -c "GRANT USAGE ON SCHEMA public TO reader" \
  -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader" \
  -c "GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO reader"
# Leave no background work behind the load: autovacuum and the checkpointer would otherwise run during the timings.
psql -X -q -h localhost -p "$port" -U postgres -d bench -c "VACUUM (FREEZE, ANALYZE)" -c "CHECKPOINT"
echo "Database size: $size"

out=$work/out
mkdir "$out"
chmod 777 "$out"
runs=${RUNS:-3}
printf '\n%-52s %9s %10s %12s\n' "backup (median of $runs runs)" "seconds" "peak MB" "file MB"
measure() {
  local label=$1 file=$2 run
  shift 2
  for run in $(seq 1 "$runs"); do
    rm -f "$file"
    # What an earlier run left for the disk to write is written before the clock starts.
    sync
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null
    echo "$(cat "$work/time") $(($(stat -c %s "$file") / 1048576))"
  done | sort -n | sed -n "$(((runs + 1) / 2))p" | {
    read -r seconds kilobytes megabytes
    printf '%-52s %9s %10d %12d\n' "$label" "$seconds" $((kilobytes / 1024)) "$megabytes"
  }
  rm -f "$file"
}
launcher=$repo/persistor-examples/src/bin/persistor
cli=("$launcher" backup -h localhost -p "$port" -u reader -d bench --no-progress)
measure "pg_dump -Fp" "$out/pg_dump.sql" pg_dump -h localhost -p "$port" -U reader -d bench -Fp -f "$out/pg_dump.sql"
measure "Persistor COPY" "$out/copy.sql" "${cli[@]}" --format copy -f "$out/copy.sql"
measure "Persistor COPY --jobs 2" "$out/copy2.sql" "${cli[@]}" --format copy --jobs 2 -f "$out/copy2.sql"
measure "Persistor COPY, java -Xmx64m" "$out/copy64.sql" \
  env JAVA_OPTS="-XX:+UseSerialGC -Xmx64m" "$launcher" backup -h localhost -p "$port" -u reader -d bench --no-progress --format copy -f "$out/copy64.sql"
measure "pg_dump --rows-per-insert=1000" "$out/pg_dump_ins.sql" \
  pg_dump -h localhost -p "$port" -U reader -d bench -Fp --rows-per-insert=1000 -f "$out/pg_dump_ins.sql"
measure "Persistor INSERTS --rows-per-insert 1000" "$out/inserts.sql" "${cli[@]}" --rows-per-insert 1000 -f "$out/inserts.sql"
measure "Persistor INSERTS --rows-per-insert 1000 --jobs 2" "$out/inserts2.sql" \
  "${cli[@]}" --rows-per-insert 1000 --jobs 2 -f "$out/inserts2.sql"
java -cp "$jar" io.persistor.examples.bench.EmbeddedBackupTimings "jdbc:postgresql://localhost:$port/bench" reader \
  "$out" "$runs" 2>/dev/null | while IFS=$'\t' read -r label seconds; do
  printf '%-52s %9s %10s %12s\n' "$label" "$seconds" "-" "-"
done

echo
echo "Adding a 100 MB text value (table big_value)..."
psql -X -q -h localhost -p "$port" -U postgres -d bench -v ON_ERROR_STOP=1 \
  -c "CREATE TABLE big_value (id int PRIMARY KEY, body text)" \
  -c "INSERT INTO big_value SELECT 1, string_agg(md5(g::text), '') FROM generate_series(1, 3276800) g" \
  -c "GRANT SELECT ON big_value TO reader"
runs=1
measure "pg_dump -Fp, with the 100 MB value" "$out/pg_dump.sql" \
  pg_dump -h localhost -p "$port" -U reader -d bench -Fp -f "$out/pg_dump.sql"
measure "Persistor COPY, -Xmx64m, with the 100 MB value" "$out/copy64.sql" \
  env JAVA_OPTS="-XX:+UseSerialGC -Xmx64m" "$launcher" backup -h localhost -p "$port" -u reader -d bench --no-progress --format copy -f "$out/copy64.sql"
measure "Persistor INSERTS, -Xmx64m, with the 100 MB value" "$out/inserts64.sql" \
  env JAVA_OPTS="-XX:+UseSerialGC -Xmx64m" "$launcher" backup -h localhost -p "$port" -u reader -d bench --no-progress --rows-per-insert 1000 \
  -f "$out/inserts64.sql"
