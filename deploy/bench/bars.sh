#!/usr/bin/env bash
# Bars projection benchmark (issue 4): a bulk import of BARS bars (default 500,000) as BarsIngestedEvents of
# BATCH bars each (default 10,000; one event per batch) appended to the event store of a running query side;
# prints how fast its bars projection applies them live (while they are appended) and in a rebuild from zero.
#
#   deploy/bench/bars.sh                     # PostgreSQL at 127.0.0.1:5432, user postgres
#   BARS=1000000 BATCH=5000 deploy/bench/bars.sh
#
# Creates a fresh database finflow_bench_bars, starts query-side.jar on it, runs the benchmark, then stops the
# service and drops the database.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
DB=finflow_bench_bars
PORT=${BENCH_PORT:-18082}
[ -f query-side/target/query-side.jar ] && [ -f deploy/bench/target/finflow-bench.jar ] \
  || mvn -q -B -DskipTests package -pl query-side,deploy/bench -am
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB with (force)" -c "create database $DB" postgres
. deploy/bench/auth.sh && bench_auth_start "jdbc:postgresql://$PGHOST:$PGPORT/$DB" && trap bench_auth_stop EXIT
SERVER_PORT=$PORT FINFLOW_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" FINFLOW_DB_USER="$PGUSER" \
  java ${QUERY_SIDE_JAVA_OPTS:-} -jar query-side/target/query-side.jar > /tmp/finflow-bench-query-side.log 2>&1 &
SERVICE=$!
trap 'bench_auth_stop; kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB with (force)" postgres' EXIT
for _ in $(seq 120); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done
java -jar deploy/bench/target/finflow-bench.jar bars --jdbc "jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER" \
  --url "http://localhost:$PORT" --bars "${BARS:-500000}" --batch "${BATCH:-10000}"
