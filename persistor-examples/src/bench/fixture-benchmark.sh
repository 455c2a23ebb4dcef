#!/usr/bin/env bash
# Test-fixture benchmark: the time between two tests that each get a fresh database from persistor-junit (the
# previous one's given back, the next one's taken), p50 and p99 over 199 gaps of a 200-test class, for a fixture of
# 10 tables x 10,000 rows, a 100-table schema and 10 tables x 1,000 rows; as a pooled template clone (2 clones kept
# ready; tests back to back, and tests that work 50 ms), a clone made when the test asks, Persistor.restore of the
# seed's COPY backup (the fallback for a role without CREATEDB), and truncating every table and loading the rows
# again. Runs io.persistor.junit.FixtureBenchmark (a JUnit class run only here) on the embedded server the
# extension starts; prints the table and leaves it in persistor-junit/target/fixture-benchmark.txt.
#
# Usage: persistor-examples/src/bench/fixture-benchmark.sh   (about 7 minutes)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$repo"
./mvnw -B -q -DskipTests install
./mvnw -B -q verify -pl persistor-junit -Dit.test=FixtureBenchmark -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn >/dev/null
cat persistor-junit/target/fixture-benchmark.txt
