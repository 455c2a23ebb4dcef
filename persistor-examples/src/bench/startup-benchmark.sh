#!/usr/bin/env bash
# CLI start benchmark: `persistor --version` and a backup of a 10-table database, each in a fresh JVM through the
# launcher: with no class-data archive, with the launcher's own settings (the archive the build writes,
# persistor-cli.jsa), and with the archive and the C1 compiler only; next to the same command run again and again
# in one warm JVM (WarmRuns.java). Medians of RUNS (default 7) runs; the ratio is fresh / warm.
# The backups run as a role the server trusts and as one that logs in with a SCRAM password, as servers ask by
# default; pg_dump's time for the same backup is printed for reference.
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
psql -X -q -h localhost -p "$port" -U postgres -d ten -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader" \
  -c "SET password_encryption = 'scram-sha-256'" -c "CREATE ROLE scram_reader LOGIN PASSWORD 'bench' IN ROLE reader"
sed -i '1i host all scram_reader 127.0.0.1/32 scram-sha-256\nhost all scram_reader ::1/128 scram-sha-256' \
  "$work/data/pg_hba.conf"
psql -X -q -h localhost -p "$port" -U postgres -d ten -c "SELECT pg_reload_conf()" >/dev/null
export PGPASSWORD=bench

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
printf '%-90s %10s %10s %8s\n' "command" "seconds" "warm JVM" "ratio"
for row in "--version" "backup" "backup, SCRAM password"; do
  case $row in
    --version) args=(--version) ;;
    backup) args=(backup -h localhost -p "$port" -u reader -d ten --no-progress --overwrite -f "$out/ten.sql") ;;
    *) args=(backup -h localhost -p "$port" -u scram_reader -d ten --no-progress --overwrite -f "$out/ten.sql") ;;
  esac
  w=$(warm "${args[@]}")
  archive="-XX:+UseSerialGC -XX:SharedArchiveFile=${jar%.jar}.jsa"
  for mode in "no archive" "class-data archive (the launcher's settings)" "archive, C1 only"; do
    case $mode in
      "no archive") s=$(fresh "-XX:+UseSerialGC" "${args[@]}") ;;
      "class-data archive (the launcher's settings)") s=$(fresh "" "${args[@]}") ;;
      *) s=$(fresh "$archive -XX:TieredStopAtLevel=1" "${args[@]}") ;;
    esac
    printf '%-90s %10.3f %10.3f %7.1fx\n' "persistor $row, fresh JVM, $mode" "$s" "$w" "$(echo "$s / $w" | bc -l)"
  done
done
for user in reader scram_reader; do
  s=$(for _ in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    pg_dump -h localhost -p "$port" -U "$user" -d ten -f "$out/dump.sql"
    end=$(date +%s.%N)
    echo "$end - $start" | bc
  done | median)
  printf '%-90s %10.3f\n' "pg_dump, 10 tables, as $user" "$s"
done
