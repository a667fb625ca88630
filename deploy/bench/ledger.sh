#!/usr/bin/env bash
# Ledger write benchmark (issue 2): Finflow's command side against pgbench on the same PostgreSQL.
#
#   deploy/bench/ledger.sh                 # uses the PostgreSQL at 127.0.0.1:5432 (user postgres)
#   PGHOST=... PGPORT=... PGUSER=... deploy/bench/ledger.sh
#   SECONDS_PER_RUN=30 CLIENTS=1,8,32 deploy/bench/ledger.sh
#
# Creates a fresh database finflow_bench, starts command-side.jar on it, drives it, runs pgbench,
# prints a table, then stops the service and drops the database. Needs pgbench on the PATH.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
DB=finflow_bench
PORT=${BENCH_PORT:-18081}
[ -f command-side/target/command-side.jar ] && [ -f deploy/bench/target/finflow-bench.jar ] \
  || mvn -q -B -DskipTests package
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB with (force)" -c "create database $DB" postgres
. deploy/bench/auth.sh && bench_auth_start "jdbc:postgresql://$PGHOST:$PGPORT/$DB" && trap bench_auth_stop EXIT
SERVER_PORT=$PORT FINFLOW_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" FINFLOW_DB_USER="$PGUSER" \
  java ${COMMAND_SIDE_JAVA_OPTS:-} -jar command-side/target/command-side.jar > /tmp/finflow-bench-command-side.log 2>&1 &
SERVICE=$!
trap 'bench_auth_stop; kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB with (force)" postgres' EXIT
for _ in $(seq 120); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done
java -jar deploy/bench/target/finflow-bench.jar ledger --url "http://localhost:$PORT" \
  --jdbc "jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER" \
  --seconds "${SECONDS_PER_RUN:-20}" --clients "${CLIENTS:-1,8,32}" --accounts "${ACCOUNTS:-1000}" \
  --warmup "${WARMUP:-60}"
