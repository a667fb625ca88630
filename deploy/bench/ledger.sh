#!/usr/bin/env bash
# Ledger write benchmark (issue 2): Finflow's command side against pgbench on the same PostgreSQL.
#
#   deploy/bench/ledger.sh                 # uses the PostgreSQL at 127.0.0.1:5432 (user postgres)
#   PGHOST=... PGPORT=... PGUSER=... deploy/bench/ledger.sh
#   SECONDS_PER_RUN=30 CLIENTS=1,8,32 deploy/bench/ledger.sh
#   INSTANCES=2 deploy/bench/ledger.sh     # two command-side replicas on the one database, clients spread over both
#   MEMO=false deploy/bench/ledger.sh      # no memos: writes that seal nothing (the cost of sealing, by difference)
#
# Creates a fresh database finflow_bench (BENCH_DB), starts command-side.jar on it (INSTANCES of them, on ports
# BENCH_PORT, BENCH_PORT+1, ...), drives it, runs pgbench (PGBENCH=false skips it), prints a table, then stops
# the services and drops the database. Needs pgbench on the PATH.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-finflow_bench}
PORT=${BENCH_PORT:-18081}
INSTANCES=${INSTANCES:-1}
[ -f command-side/target/command-side.jar ] && [ -f deploy/bench/target/finflow-bench.jar ] \
  || mvn -q -B -DskipTests package
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB with (force)" -c "create database $DB" postgres
. deploy/bench/auth.sh && bench_auth_start "jdbc:postgresql://$PGHOST:$PGPORT/$DB"
SERVICES=(); URLS=()
trap 'bench_auth_stop; kill ${SERVICES[*]} 2>/dev/null; wait ${SERVICES[*]} 2>/dev/null; psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB with (force)" postgres' EXIT
for i in $(seq 0 $((INSTANCES - 1))); do
  SERVER_ADDRESS=127.0.0.1 SERVER_PORT=$((PORT + i)) FINFLOW_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" FINFLOW_DB_USER="$PGUSER" \
    java ${COMMAND_SIDE_JAVA_OPTS:-} -jar command-side/target/command-side.jar > "/tmp/$DB-command-side-$i.log" 2>&1 &
  SERVICES+=($!); URLS+=("http://127.0.0.1:$((PORT + i))")
done
for i in $(seq 0 $((INSTANCES - 1))); do
  for _ in $(seq 120); do curl -sf "127.0.0.1:$((PORT + i))/actuator/health" >/dev/null && break; sleep 1; done
done
java -jar deploy/bench/target/finflow-bench.jar ledger --url "$(IFS=,; echo "${URLS[*]}")" \
  --jdbc "jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER" \
  --seconds "${SECONDS_PER_RUN:-20}" --clients "${CLIENTS:-1,8,32}" --accounts "${ACCOUNTS:-1000}" \
  --warmup "${WARMUP:-60}" --pgbench "${PGBENCH:-true}" --memo "${MEMO:-true}"
