#!/usr/bin/env bash
# Backup benchmark: Persistor next to pg_dump on the same data, wall time and peak memory (RSS) side by side.
#
# Usage: persistor-examples/src/bench/backup-benchmark.sh [SCALE] [WIDE_ROWS]
#   SCALE=50 WIDE_ROWS=1000000 (the defaults) build about 1 GB: pgbench tables plus a mixed-type table "wide".
#   Each backup runs RUNS times (default 3); the run with the median time is printed. The CLI rows run the
#   launcher src/bin/persistor (the jar with the serial collector) and include the JVM's start; the "embedded"
#   rows are backups taken inside one running JVM with a pool, as an application takes them
#   (io.persistor.examples.bench.EmbeddedBackupTimings, warmed up by one run each). Afterwards a 100 MB text value
#   is added and backed up again, by pg_dump and by the CLI with a 64 MB heap. ONLY='zstd|encrypted|^pg_dump -Fp'
#   runs just the backups whose labels match (and not the 100 MB value).
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
launcher=$repo/persistor-examples/src/bin/persistor
cli="$launcher backup -h localhost -p $port -u reader -d bench --no-progress"
small_heap="env JAVA_OPTS='-XX:+UseSerialGC -Xmx64m' $cli"
dump="pg_dump -h localhost -p $port -U reader -d bench -Fp"
# The S3 rows write to S3Proxy (the server persistor-s3's tests start), keeping objects as files in $work/s3.
s3="--s3-endpoint http://127.0.0.1:$((port + 1)) --s3-path-style"
# One backup per line: label, output file, command. Every round runs each once, so drift of the machine's speed
# falls on all of them alike; the run with the median time of each is printed.
backups=(
  "pg_dump -Fp|pg_dump.sql|$dump"
  "Persistor COPY|copy.sql|$cli --format copy"
  "Persistor COPY --jobs 2|copy2.sql|$cli --format copy --jobs 2"
  "Persistor COPY, java -Xmx64m|copy64.sql|$small_heap --format copy"
  "Persistor COPY --jobs 2, java -Xmx64m|copy64j2.sql|$small_heap --format copy --jobs 2"
  "Persistor COPY --gzip|copy.sql.gz|$cli --format copy --gzip"
  "Persistor COPY --zstd|copy.sql.zst|$cli --format copy --zstd"
  "Persistor COPY, encrypted|copy.sql.gpg|$cli --format copy --encrypt-passphrase-file $work/passphrase"
  "Persistor COPY --zstd, encrypted|copy.sql.zst.gpg|$cli --format copy --zstd --encrypt-passphrase-file $work/passphrase"
  "Persistor COPY to S3 (local S3Proxy)|s3:copy.sql|$cli --format copy $s3"
  "Persistor COPY --zstd, encrypted, to S3 (local S3Proxy)|s3:copy.sql.zst.gpg|$cli --format copy --zstd --encrypt-passphrase-file $work/passphrase $s3"
  "pg_dump --rows-per-insert=1000|pg_dump_ins.sql|$dump --rows-per-insert=1000"
  "Persistor INSERTS --rows-per-insert 1000|inserts.sql|$cli --rows-per-insert 1000"
  "Persistor INSERTS --rows-per-insert 1000 --jobs 2|inserts2.sql|$cli --rows-per-insert 1000 --jobs 2"
)
echo "a benchmark passphrase" >"$work/passphrase"
# ONLY (an extended regular expression) keeps the backups whose labels match it, and leaves out the rest and the
# runs with a 100 MB value.
if [ -n "${ONLY:-}" ]; then
  kept=()
  for backup in "${backups[@]}"; do
    if grep -qE -- "$ONLY" <<<"${backup%%|*}"; then kept+=("$backup"); fi
  done
  backups=("${kept[@]}")
fi
if printf '%s\n' "${backups[@]}" | grep -q '|s3:'; then
  s3proxy=$repo/persistor-s3/target/s3proxy/s3proxy.jar
  [ -f "$s3proxy" ] || { echo "No $s3proxy: build persistor-s3's tests first (./mvnw -q -DskipTests install)" >&2; exit 1; }
  mkdir -p "$work/s3/bench"
  printf '%s\n' "s3proxy.endpoint=http://127.0.0.1:$((port + 1))" "s3proxy.authorization=aws-v2-or-v4" \
    "s3proxy.identity=bench" "s3proxy.credential=bench-secret" "jclouds.provider=filesystem" \
    "jclouds.filesystem.basedir=$work/s3" >"$work/s3proxy.properties"
  java -jar "$s3proxy" --properties "$work/s3proxy.properties" >"$work/s3proxy.log" 2>&1 &
  s3proxy_pid=$!
  trap 'kill $s3proxy_pid 2>/dev/null || true; stop' EXIT
  export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret AWS_REGION=us-east-1
  until (exec 3<>/dev/tcp/127.0.0.1/$((port + 1))) 2>/dev/null; do sleep 0.2; done
fi
# Runs one backup: prints its seconds, peak resident kilobytes and file megabytes. An output named s3:NAME goes
# to the bucket "bench" and is measured where S3Proxy keeps it.
run_once() {
  local file=$out/$1 target=$out/$1
  if [[ $1 == s3:* ]]; then
    file=$work/s3/bench/${1#s3:}
    target=s3://bench/${1#s3:}
  fi
  shift
  rm -f "$file"
  # What an earlier run left for the disk to write is written before the clock starts.
  sync
  eval "/usr/bin/time -f '%e %M' -o '$work/time' $* -f '$target'" >/dev/null
  echo "$(cat "$work/time") $(($(stat -c %s "$file") / 1048576))"
  rm -f "$file"
}
# Prints a row from lines of "seconds kilobytes megabytes": the median run's.
median_row() {
  sort -n | sed -n "$(((runs + 1) / 2))p" | {
    read -r seconds kilobytes megabytes
    printf '%-52s %9s %10d %12d\n' "$1" "$seconds" $((kilobytes / 1024)) "$megabytes"
  }
}
for run in $(seq 1 "$runs"); do
  for i in "${!backups[@]}"; do
    IFS='|' read -r label file command <<<"${backups[$i]}"
    echo "$(run_once "$file" "$command")" >>"$work/results-$i"
  done
  if [ -z "${ONLY:-}" ]; then
    java -cp "$jar" io.persistor.examples.bench.EmbeddedBackupTimings "jdbc:postgresql://localhost:$port/bench" \
      reader "$out" 1 2>/dev/null >>"$work/embedded"
  fi
done
printf '\n%-52s %9s %10s %12s\n' "backup (median of $runs runs)" "seconds" "peak MB" "file MB"
for i in "${!backups[@]}"; do
  IFS='|' read -r label file command <<<"${backups[$i]}"
  median_row "$label" <"$work/results-$i"
done
touch "$work/embedded"
cut -f 1 "$work/embedded" | awk '!seen[$0]++' | while read -r label; do
  grep -F "$label"$'\t' "$work/embedded" | cut -f 2 | sort -n | sed -n "$(((runs + 1) / 2))p" | {
    read -r seconds
    printf '%-52s %9s %10s %12s\n' "$label" "$seconds" "-" "-"
  }
done

[ -z "${ONLY:-}" ] || exit 0
echo
echo "Adding a 100 MB text value (table big_value)..."
psql -X -q -h localhost -p "$port" -U postgres -d bench -v ON_ERROR_STOP=1 \
  -c "CREATE TABLE big_value (id int PRIMARY KEY, body text)" \
  -c "INSERT INTO big_value SELECT 1, string_agg(md5(g::text), '') FROM generate_series(1, 3276800) g" \
  -c "GRANT SELECT ON big_value TO reader"
runs=1
for backup in "pg_dump -Fp, with the 100 MB value|pg_dump.sql|$dump" \
  "Persistor COPY, -Xmx64m, with the 100 MB value|copy64.sql|$small_heap --format copy" \
  "Persistor INSERTS, -Xmx64m, with the 100 MB value|inserts64.sql|$small_heap --rows-per-insert 1000"; do
  IFS='|' read -r label file command <<<"$backup"
  run_once "$file" "$command" | median_row "$label"
done
