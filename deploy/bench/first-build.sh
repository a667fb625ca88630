#!/usr/bin/env bash
# The projections' first build from zero (the same shared catch-up a rebuild uses), with where its CPU goes: the
# catch-up's own log line (reading, applying per projection), the CPU seconds of the query side's JVM, of
# PostgreSQL and of the machine, and, when the pg_stat_statements extension is loaded, PostgreSQL's time per
# statement. Uses the PostgreSQL at 127.0.0.1:5432 (user postgres) unless PGHOST/PGPORT/PGUSER say otherwise, and
# must run on the database's machine (it reads /proc).
#
#   deploy/bench/first-build.sh                 # 200,000 events
#   EVENTS=1000000 deploy/bench/first-build.sh
#
# Generates EVENTS events once into a template database (kept: finflow_build_<EVENTS>; drop it by hand), copies
# it for each run, starts query-side.jar on the copy until its catch-up logs, stops it and drops the copy.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
EVENTS=${EVENTS:-200000}; TEMPLATE=finflow_build_$EVENTS; DB=finflow_build_run; PORT=${BENCH_PORT:-18192}
LOG=/tmp/finflow-bench-first-build.log
PSQL="psql -h $PGHOST -p $PGPORT -U $PGUSER -qtA"
[ -f query-side/target/query-side.jar ] && [ -f deploy/bench/target/finflow-bench.jar ] \
  || mvn -q -B -DskipTests -pl query-side,deploy/bench -am package
SERVICE=
start() {
  SERVER_PORT=$PORT FINFLOW_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$1" FINFLOW_DB_USER="$PGUSER" \
    java ${QUERY_SIDE_JAVA_OPTS:-} -jar query-side/target/query-side.jar > $LOG 2>&1 &
  SERVICE=$!
}
stop() { if [ -n "$SERVICE" ]; then kill "$SERVICE" 2>/dev/null || true; wait "$SERVICE" 2>/dev/null || true; fi; SERVICE=; }
trap 'stop; $PSQL -c "drop database if exists $DB with (force)" postgres' EXIT
if [ "$($PSQL -c "select 1 from pg_database where datname = '$TEMPLATE'" postgres)" != 1 ]; then
  $PSQL -c "create database $TEMPLATE" postgres
  start $TEMPLATE  # creates the schemas
  for _ in $(seq 180); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done
  stop
  $PSQL -c "truncate query.token_entry" $TEMPLATE
  java -jar deploy/bench/target/finflow-bench.jar query-generate --events "$EVENTS" --accounts 1000 --big 10000 \
    --jdbc "jdbc:postgresql://$PGHOST:$PGPORT/$TEMPLATE?user=$PGUSER&reWriteBatchedInserts=true"
  $PSQL -c "vacuum analyze events.domain_event_entry" $TEMPLATE
fi
$PSQL -c "drop database if exists $DB with (force)" -c "create database $DB template $TEMPLATE" postgres
STATEMENTS=0
if $PSQL -c "show shared_preload_libraries" postgres | grep -q pg_stat_statements; then
  STATEMENTS=1
  $PSQL -c "create extension if not exists pg_stat_statements" -c "select pg_stat_statements_reset()" $DB > /dev/null
fi
# CPU in clock ticks: PostgreSQL's postmaster with its exited children, plus its live children.
postgres_ticks() {
  local pm t; pm=$(pgrep -o -x postgres || pgrep -o postgres)
  t=$(awk '{print $14 + $15 + $16 + $17}' /proc/$pm/stat)
  for c in $(pgrep -P "$pm"); do t=$((t + $(awk '{print $14 + $15}' /proc/$c/stat 2>/dev/null || echo 0))); done
  echo "$t"
}
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
TICK=$(getconf CLK_TCK); pg0=$(postgres_ticks); all0=$(machine_ticks); started=$SECONDS
echo "load before: $(uptime)"
start $DB
for _ in $(seq 1800); do grep -q "catch-up of .*events in" $LOG && break; kill -0 "$SERVICE" || exit 1; sleep 1; done
grep -o 'catch-up of [^"]*' $LOG
echo "wall $((SECONDS - started)) s (start-up included); CPU seconds: query side $(( $(awk '{print $14 + $15}' \
  /proc/$SERVICE/stat) / TICK )), PostgreSQL $(( ($(postgres_ticks) - pg0) / TICK )), machine \
$(( ($(machine_ticks) - all0) / TICK ))"
stop
if [ "$STATEMENTS" = 1 ]; then
  echo "PostgreSQL's time per statement (s, calls, rows):"
  $PSQL -F ' | ' -c "select round((sum(total_exec_time) / 1000)::numeric, 1), sum(calls), sum(rows),
    split_part(split_part(regexp_replace(query, '\\s+', ' ', 'g'), ' (', 1), ' where', 1) from pg_stat_statements
    where dbid = (select oid from pg_database where datname = '$DB') group by 4 order by 1 desc limit 12" $DB
fi
