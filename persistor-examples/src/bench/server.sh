# Sourced by the benchmark scripts: checks the tools, starts a throwaway PostgreSQL server as the "postgres" user
# in a temporary directory ($work) on $port, and removes it all when the script exits.
# Expects $repo to be set; honours PG_BIN, PORT and DATASET.
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
port=${PORT:-54329}
dataset=${DATASET:-$repo/../shared/bench/make-dataset.sh}
jar=$repo/persistor-examples/target/persistor-cli.jar

for tool in "$pg_bin/postgres" "$pg_bin/initdb" "$pg_bin/pg_ctl" pgbench pg_dump psql /usr/bin/time "$dataset" "$jar"; do
  command -v "$tool" >/dev/null 2>&1 || [ -e "$tool" ] || { echo "missing: $tool" >&2; exit 1; }
done

work=$(mktemp -d /tmp/persistor-bench.XXXXXX)
chown postgres "$work"
stop() {
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT

runuser -u postgres -- "$pg_bin/initdb" -D "$work/data" -A trust -U postgres -E UTF8 --no-sync >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
  -o "-p $port -k $work -c listen_addresses=localhost -c fsync=off -c shared_buffers=1GB -c max_wal_size=4GB -c max_locks_per_transaction=1024" start >/dev/null
