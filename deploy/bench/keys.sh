#!/usr/bin/env bash
# What sealing a memo costs one request, with the person's key read from the key store (as before the cache) and
# from the instance's cache (docs/privacy.md). Compiles deploy/bench/keys/KeyLookupBench.java
# against the command side's jar (its key store classes and libraries), on a fresh database finflow_keybench.
#
#   deploy/bench/keys.sh                   # REQUESTS=5000, PostgreSQL at 127.0.0.1:5432, user postgres
set -euo pipefail
cd "$(dirname "$0")/../.."
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-finflow_keybench}
[ -f command-side/target/command-side.jar ] || mvn -q -B -ntp -DskipTests -pl command-side -am package
work=$(mktemp -d)
trap 'rm -rf "$work"; psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB with (force)" postgres' EXIT
(cd "$work" && unzip -q "$OLDPWD/command-side/target/command-side.jar" 'BOOT-INF/lib/*')
javac -cp "$work/BOOT-INF/lib/*" -d "$work/classes" deploy/bench/keys/KeyLookupBench.java
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB with (force)" -c "create database $DB" postgres
java -cp "$work/classes:$work/BOOT-INF/lib/*" dev.finflow.runtime.keys.KeyLookupBench \
  "jdbc:postgresql://$PGHOST:$PGPORT/$DB" "$PGUSER" "${REQUESTS:-5000}" 2>&1 | grep '^|'
