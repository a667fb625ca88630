#!/usr/bin/env bash
# Query-side benchmark (issue 15): rebuild rate next to a plain SELECT scan, live lag through the command side's
# HTTP API, holdings read latency. Uses the PostgreSQL at 127.0.0.1:5432 (user postgres) unless PGHOST/PGPORT/PGUSER
# say otherwise.
#
#   deploy/bench/query.sh                       # 1,000,000 events, 1,000 accounts + one with 10,000 transactions
#   EVENTS=200000 LAG_SECONDS=20 deploy/bench/query.sh
#   EVENTS=200000 REBUILD=false READS=false deploy/bench/query.sh   # only the lag
#
# Creates a fresh database finflow_qbench (BENCH_DB), starts query-side.jar once to create the schemas, stops it,
# writes the events straight into the event store, starts query-side again (it builds every projection from zero),
# then measures: a SELECT scan of the event table (the ceiling); a rebuild of all projections at once beside live,
# from the first request to the last swap, then `verify` of each; the lag from each write's 2xx answer to the
# slowest projection's applied position while the command side (started for this) takes deposits at LAG_RATE
# per second over HTTP for LAG_SECONDS (also per LAG_WINDOW seconds of it), then `verify` of each again; GET
# holdings latency, open loop, at RATE per second. Drops the database.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-finflow_qbench}
LOG=/tmp/finflow-bench-$DB-query-side.log
COMMAND_LOG=/tmp/finflow-bench-$DB-command-side.log
PORT=${BENCH_PORT:-18182}
COMMAND_PORT=${BENCH_COMMAND_PORT:-18183}
URL="http://localhost:$PORT"
JDBC="jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER&reWriteBatchedInserts=true"
BENCH="java -jar deploy/bench/target/finflow-bench.jar"
[ -f query-side/target/query-side.jar ] && [ -f command-side/target/command-side.jar ] \
  && [ -f deploy/bench/target/finflow-bench.jar ] || mvn -q -B -DskipTests -pl query-side,command-side,deploy/bench -am package
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB with (force)" -c "create database $DB" postgres
. deploy/bench/auth.sh && bench_auth_start "jdbc:postgresql://$PGHOST:$PGPORT/$DB" && trap bench_auth_stop EXIT

SERVICE=; COMMAND=
start() {
  SERVER_PORT=$PORT FINFLOW_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" FINFLOW_DB_USER="$PGUSER" \
    java ${QUERY_SIDE_JAVA_OPTS:-} -jar query-side/target/query-side.jar >> $LOG 2>&1 &
  SERVICE=$!
  for _ in $(seq 180); do
    # Another service on the port would answer too: the health must be ours, and ours must be alive.
    kill -0 "$SERVICE" 2>/dev/null || { echo "query-side exited, see $LOG (BENCH_PORT in use?)"; exit 1; }
    curl -sf "$URL/actuator/health" >/dev/null && return; sleep 1
  done
  echo "query-side did not start, see $LOG"; exit 1
}
stop() {
  if [ -n "$SERVICE" ]; then kill "$SERVICE" 2>/dev/null || true; wait "$SERVICE" 2>/dev/null || true; fi
  SERVICE=
  if [ -n "$COMMAND" ]; then kill "$COMMAND" 2>/dev/null || true; wait "$COMMAND" 2>/dev/null || true; fi
  COMMAND=
}
start_command_side() {
  SERVER_ADDRESS=127.0.0.1 SERVER_PORT=$COMMAND_PORT FINFLOW_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    FINFLOW_DB_USER="$PGUSER" java ${COMMAND_SIDE_JAVA_OPTS:-} -jar command-side/target/command-side.jar > $COMMAND_LOG 2>&1 &
  COMMAND=$!
  for _ in $(seq 180); do
    kill -0 "$COMMAND" 2>/dev/null || { echo "command-side exited, see $COMMAND_LOG"; exit 1; }
    curl -sf "127.0.0.1:$COMMAND_PORT/actuator/health" >/dev/null && break; sleep 1
  done
  # Its own processors (transfers, splits) read the whole store once at first start: the lag is measured after.
  local body
  for _ in $(seq 600); do
    body=$(curl -sf -H "Authorization: Bearer $FINFLOW_TOKEN" "127.0.0.1:$COMMAND_PORT/api/v1/admin/processors" || true)
    if [ -n "$body" ] && [ "$(echo "$body" | grep -o '"position":-\?[0-9]*,"head":-\?[0-9]*' \
         | awk -F'[:,]' '$2 < $4' | wc -l)" = 0 ]; then return; fi
    sleep 1
  done
  echo "command-side's processors did not catch up, see $COMMAND_LOG"; exit 1
}
trap 'stop; bench_auth_stop; psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB with (force)" postgres' EXIT
caught_up() {
  local started=$SECONDS body
  while true; do
    body=$(curl -sf -H "Authorization: Bearer $FINFLOW_TOKEN" "$URL/api/v1/admin/projections" || true)
    if [ -n "$body" ] && ! echo "$body" | grep -o '"lagEvents":[0-9]*' | grep -qv ':0$' \
       && ! echo "$body" | grep -q REBUILDING; then break; fi
    sleep 1
  done
  echo $((SECONDS - started))
}

: > $LOG
start; stop
echo "load before: $(uptime)"
$BENCH query-generate --jdbc "$JDBC" --events "${EVENTS:-1000000}" --accounts "${ACCOUNTS:-1000}" --big "${BIG:-10000}"
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "vacuum analyze events.domain_event_entry" "$DB"
started=$SECONDS
start
caught_up > /dev/null
echo "initial build: all projections from zero at start-up: $(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -tAc \
  "select count(*) from events.domain_event_entry" "$DB") events in $((SECONDS - started)) s (start-up included)"
$BENCH query-scan --jdbc "$JDBC"
echo "load: $(uptime)"
if [ "${REBUILD:-true}" = true ]; then  # REBUILD=false: only the lag and the reads
  $BENCH query-rebuild --url "$URL"
  caught_up > /dev/null
  echo "load: $(uptime)"
fi
start_command_side
$BENCH query-lag --command-url "http://127.0.0.1:$COMMAND_PORT" --jdbc "$JDBC" --rate "${LAG_RATE:-200}" \
  --seconds "${LAG_SECONDS:-300}" --window "${LAG_WINDOW:-60}"
kill "$COMMAND"; wait "$COMMAND" 2>/dev/null || true; COMMAND=
# The reads are measured once the projections have applied the last deposits (a command side behind its load
# writes a burst at the end), so they measure reading, not reading beside a backlog.
caught_up > /dev/null
# Every read model against the store again, after writes that arrived over HTTP through the lanes, out of order.
$BENCH query-verify --url "$URL" --label "after the lag"
echo "load: $(uptime)"
[ "${READS:-true}" = true ] || exit 0  # READS=false: stop after the lag
# Warm-up, printed but not the measure: the first reads after start-up and the lag run while the JIT compiles the
# read path (on 2 cores its compiler threads take as much CPU as the reads themselves; JFR, 7 Dec), so each of the
# three reads runs WARMUP_SECONDS at RATE first.
WARMUP=${WARMUP_SECONDS:-30}
for variant in "" "--as-of true" "--as-of true --account big-1"; do
  # shellcheck disable=SC2086
  $BENCH query-holdings --url "$URL" --rate "${RATE:-200}" --seconds "$WARMUP" --accounts "${ACCOUNTS:-1000}" $variant \
    | sed 's/^/warm-up: /'
done
READ_WINDOW=$((3 * ${HOLDINGS_SECONDS:-30} + 5))
checkpoints() { psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -tAc "select checkpoints_timed + checkpoints_req from
  pg_stat_bgwriter" "$DB"; }
CHECKPOINTS=$(checkpoints)
$BENCH query-holdings --url "$URL" --rate "${RATE:-200}" --seconds "${HOLDINGS_SECONDS:-30}" --accounts "${ACCOUNTS:-1000}"
$BENCH query-holdings --url "$URL" --rate "${RATE:-200}" --seconds "${HOLDINGS_SECONDS:-30}" --as-of true --accounts "${ACCOUNTS:-1000}"
$BENCH query-holdings --url "$URL" --rate "${RATE:-200}" --seconds "${HOLDINGS_SECONDS:-30}" --as-of true --account big-1
# What PostgreSQL did in the background meanwhile (autovacuum, checkpoints take the same 2 cores as the reads).
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -tAc "select 'background during the reads: ' || coalesce(string_agg(relname
  || ' ' || case when last_autovacuum > now() - interval '$READ_WINDOW seconds' then 'vacuumed+' else '' end
  || 'analyzed', ', '), 'no autovacuum') || '; checkpoints: $(( $(checkpoints) - CHECKPOINTS ))'
  from pg_stat_user_tables where greatest(last_autovacuum, last_autoanalyze) > now()
  - interval '$READ_WINDOW seconds'" "$DB"
[ "${MORE_READS:-true}" = true ] || exit 0  # MORE_READS=false: only the three reads of the target
# "As known at" (issue 14, target p99 < 50 ms at 50 req/s for big-1): a day before big-1's last recorded event,
# after it (nothing recorded later: the stored history), then at random instants over big-1's whole recorded span
# (holdings as of a random date of its span, and monthly balances of twelve months from a random month).
big_instant() {
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -tAc "select to_char(($1(time_stamp)::timestamptz $2) at time zone 'UTC',
    'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from events.domain_event_entry where aggregate_identifier = 'big-1'" "$DB"
}
BIG_DAYS=$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -tAc "select max(time_stamp)::date - date '2022-01-03' + 1
  from events.domain_event_entry where aggregate_identifier = 'big-1'" "$DB")
# The first knownAt read of big-1 loads its movements into memory (then kept until it changes): one read, timed
# on its own, before the measured ones.
$BENCH query-holdings --url "$URL" --rate 1 --seconds 1 --as-of true --known-at "$(big_instant max "")" \
  --account big-1 --days "$BIG_DAYS" | sed 's/^/first read (loads the movements): /'
for shift in "- interval '1 day'" "+ interval '1 day'"; do
  KNOWN_AT=$(big_instant max "$shift")
  echo "knownAt $KNOWN_AT (big-1's last event $shift):"
  $BENCH query-holdings --url "$URL" --rate "${KNOWN_AT_RATE:-50}" --seconds "${HOLDINGS_SECONDS:-30}" --as-of true \
    --known-at "$KNOWN_AT" --account big-1 --days "$BIG_DAYS"
done
for read in holdings monthly-balances; do
  $BENCH query-holdings --url "$URL" --rate "${KNOWN_AT_RATE:-50}" --seconds "${HOLDINGS_SECONDS:-30}" --as-of true \
    --known-from "$(big_instant min "")" --known-to "$(big_instant max "")" --account big-1 --days "$BIG_DAYS" --read $read
done
# The same reads at a low rate: the time one request takes when nothing queues in front of it.
$BENCH query-holdings --url "$URL" --rate "${LOW_RATE:-20}" --seconds "${HOLDINGS_SECONDS:-30}" --as-of true --accounts "${ACCOUNTS:-1000}"
$BENCH query-holdings --url "$URL" --rate "${LOW_RATE:-20}" --seconds "${HOLDINGS_SECONDS:-30}" --as-of true --account big-1
echo "load after: $(uptime)"
