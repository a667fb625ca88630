#!/usr/bin/env bash
# Market-data benchmarks (issue 4): detection quality of the quality rules on real data with injected faults,
# and bulk import of synthetic bars (scaled real series) into the event store.
#
#   deploy/bench/market.sh                       # both, on the PostgreSQL at 127.0.0.1:5432 (user postgres)
#   deploy/bench/market.sh detection             # only detection quality (COPIES=8 PER_TYPE=2 SEED=42)
#   deploy/bench/market.sh import                # only bulk import (SYMBOLS=200 YEARS=10 BATCH=10000 CLIENTS=4 FORMAT=csv|json)
#
# Creates a fresh database finflow_market_bench, starts command-side.jar on it without sample data, runs the
# benchmark(s), then stops the service and drops the database.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
DB=finflow_market_bench
PORT=${BENCH_PORT:-18091}
WHAT=${1:-all}
[ -f command-side/target/command-side.jar ] && [ -f deploy/bench/target/finflow-bench.jar ] \
  || mvn -q -B -DskipTests package
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB with (force)" -c "create database $DB" postgres
. deploy/bench/auth.sh && bench_auth_start "jdbc:postgresql://$PGHOST:$PGPORT/$DB" && trap bench_auth_stop EXIT
SERVER_PORT=$PORT FINFLOW_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" FINFLOW_DB_USER="$PGUSER" FINFLOW_SAMPLE_DATA=false \
  java ${COMMAND_SIDE_JAVA_OPTS:-} -jar command-side/target/command-side.jar > /tmp/finflow-market-bench.log 2>&1 &
SERVICE=$!
trap 'bench_auth_stop; kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB with (force)" postgres' EXIT
for _ in $(seq 180); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done
echo "load before: $(uptime)"
if [ "$WHAT" = all ] || [ "$WHAT" = detection ]; then
  java -jar deploy/bench/target/finflow-bench.jar detection --url "http://localhost:$PORT" \
    --copies "${COPIES:-8}" --per-type "${PER_TYPE:-2}" --seed "${SEED:-42}"
fi
cpu() { awk '{print $14 + $15}' "/proc/$SERVICE/stat"; }
if [ "$WHAT" = all ] || [ "$WHAT" = import ]; then
  before=$(cpu)
  java -jar deploy/bench/target/finflow-bench.jar import --url "http://localhost:$PORT" \
    --jdbc "jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER" \
    --symbols "${SYMBOLS:-200}" --years "${YEARS:-10}" --batch "${BATCH:-10000}" --clients "${CLIENTS:-4}" --format "${FORMAT:-csv}"
  echo "command-side CPU during the import (incl. registration): $(( ($(cpu) - before) / $(getconf CLK_TCK) )) s"
fi
echo "load after: $(uptime)"
