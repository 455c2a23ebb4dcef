#!/usr/bin/env bash
# CLI start benchmark: `persistor --version` and a backup of a 10-table database, each in a fresh JVM through the
# launcher with and without the class-data archive the build writes (persistor-cli.jsa), next to the same command
# run again and again in one warm JVM (WarmRuns.java). Medians of RUNS (default 7) runs; the ratio is fresh / warm.
#
# Usage: persistor-examples/src/bench/startup-benchmark.sh   (after ./mvnw -DskipTests package)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
# shellcheck source=server.sh
source "$here/server.sh"
launcher="$repo/persistor-examples/src/bin/persistor"
runs=${RUNS:-7}

psql -X -q -h localhost -p "$port" -U postgres -d postgres -c "CREATE DATABASE ten" -c "CREATE ROLE reader LOGIN"
for i in $(seq 1 10); do
  echo "CREATE TABLE public.t$i (id int PRIMARY KEY, name text NOT NULL, at timestamptz DEFAULT now());"
  echo "CREATE INDEX ON public.t$i (name);"
  echo "INSERT INTO public.t$i SELECT g, 'row ' || g FROM generate_series(1, 100) g;"
done | psql -X -q -h localhost -p "$port" -U postgres -d ten -v ON_ERROR_STOP=1
psql -X -q -h localhost -p "$port" -U postgres -d ten -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
fresh() { # label, JAVA_OPTS ("" for the launcher's own), args...
  local opts=$1; shift
  for _ in $(seq 1 "$runs"); do
    local start end
    start=$(date +%s.%N)
    if [ -n "$opts" ]; then JAVA_OPTS=$opts "$launcher" "$@" >/dev/null; else "$launcher" "$@" >/dev/null; fi
    end=$(date +%s.%N)
    echo "$end - $start" | bc
  done | median
}
warm() { java -cp "$jar" "$here/WarmRuns.java" $((runs * 3)) "$@"; }

out=$work/out
mkdir "$out"
backup=(backup -h localhost -p "$port" -u reader -d ten --no-progress --overwrite -f "$out/ten.sql")
printf '%-50s %10s %10s %8s\n' "command" "seconds" "warm JVM" "ratio"
for row in "--version" "backup"; do
  if [ "$row" = "--version" ]; then args=(--version); else args=("${backup[@]}"); fi
  w=$(warm "${args[@]}")
  for mode in "no archive" "class-data archive" "archive, C1 only"; do
    case $mode in
      "no archive") s=$(fresh "-XX:+UseSerialGC" "${args[@]}") ;;
      "class-data archive") s=$(fresh "" "${args[@]}") ;;
      *) s=$(fresh "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=${jar%.jar}.jsa" "${args[@]}") ;;
    esac
    printf '%-50s %10.3f %10.3f %7.1fx\n' "persistor $row, fresh JVM, $mode" "$s" "$w" "$(echo "$s / $w" | bc -l)"
  done
done
