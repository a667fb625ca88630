#!/usr/bin/env bash
# Ingestion-run benchmark (issue 4): SYMBOLS registered instruments, YEARS of synthetic daily bars each, fetched
# by RUNS ingestion runs started through POST /api/v1/ingestion/runs, timed until the last run's completed event.
#
#   deploy/bench/ingestion.sh                    # SYMBOLS=80 YEARS=26 RUNS=2 (about 540,000 bars)
#
# Creates a fresh database finflow_ingestion_bench, starts command-side.jar on it without sample data, runs the
# benchmark, then stops the service and drops the database.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
DB=finflow_ingestion_bench
PORT=${BENCH_PORT:-18092}
[ -f command-side/target/command-side.jar ] && [ -f deploy/bench/target/finflow-bench.jar ] \
  || mvn -q -B -DskipTests package
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB with (force)" -c "create database $DB" postgres
. deploy/bench/auth.sh && bench_auth_start "jdbc:postgresql://$PGHOST:$PGPORT/$DB" && trap bench_auth_stop EXIT
SERVER_PORT=$PORT FINFLOW_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" FINFLOW_DB_USER="$PGUSER" FINFLOW_SAMPLE_DATA=false \
  FINFLOW_INGESTION_RUN_CONCURRENCY=${RUNS:-2} \
  java ${COMMAND_SIDE_JAVA_OPTS:-} -jar command-side/target/command-side.jar > /tmp/finflow-ingestion-bench.log 2>&1 &
SERVICE=$!
trap 'bench_auth_stop; kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true; psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB with (force)" postgres' EXIT
for _ in $(seq 180); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done
echo "load before: $(uptime)"
java -jar deploy/bench/target/finflow-bench.jar runs --url "http://localhost:$PORT" \
  --jdbc "jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER" \
  --symbols "${SYMBOLS:-80}" --years "${YEARS:-26}" --runs "${RUNS:-2}"
echo "load after: $(uptime)"
