#!/usr/bin/env bash
# Monthly balances at both ends of the allowed date window (issue 11: reads bound their own work, target
# p99 < 50 ms for monthly-balances?limit=1).
#
#   deploy/bench/balances.sh                          # 2,000 transactions from 1900-01-01 to a year ahead, 50 req/s
#   TRANSACTIONS=10000 RATE=100 SECONDS_PER_RUN=60 deploy/bench/balances.sh
#
# Creates a fresh database finflow_bbench (BENCH_DB), starts auth-server, command-side and query-side on it, opens
# one account dated 1900-01-01 and records TRANSACTIONS deposits and fees spread evenly up to 360 days ahead
# through the command side's batch API, then reads the first page (1900-01) and the last month's page, one row
# each, open-loop at RATE req/s for SECONDS_PER_RUN (default 30) seconds. Stops the services and drops the database.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-finflow_bbench}
COMMAND_PORT=${BENCH_PORT:-18181}; QUERY_PORT=$((COMMAND_PORT + 1))
[ -f command-side/target/command-side.jar ] && [ -f query-side/target/query-side.jar ] \
  && [ -f deploy/bench/target/finflow-bench.jar ] \
  || mvn -q -B -ntp -DskipTests -pl command-side,query-side,deploy/bench -am package
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB with (force)" -c "create database $DB" postgres
. deploy/bench/auth.sh && bench_auth_start "jdbc:postgresql://$PGHOST:$PGPORT/$DB"
SERVICES=()
trap 'bench_auth_stop; kill ${SERVICES[*]} 2>/dev/null; wait ${SERVICES[*]} 2>/dev/null; psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB with (force)" postgres' EXIT
for service in command-side:$COMMAND_PORT query-side:$QUERY_PORT; do
  SERVER_ADDRESS=127.0.0.1 SERVER_PORT=${service#*:} FINFLOW_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    FINFLOW_DB_USER="$PGUSER" java -jar "${service%:*}/target/${service%:*}.jar" > "/tmp/$DB-${service%:*}.log" 2>&1 &
  SERVICES+=($!)
done
for port in $COMMAND_PORT $QUERY_PORT; do
  for _ in $(seq 180); do curl -sf "127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
done
echo "load before: $(uptime)"
java -jar deploy/bench/target/finflow-bench.jar balances --command "http://127.0.0.1:$COMMAND_PORT" \
  --query "http://127.0.0.1:$QUERY_PORT" --transactions "${TRANSACTIONS:-2000}" --rate "${RATE:-50}" \
  --seconds "${SECONDS_PER_RUN:-30}"
echo "load after: $(uptime)"
