#!/usr/bin/env bash
# Starts Finflow: builds it when a source changed since the last build, then runs every service on an
# embedded PostgreSQL (or on FINFLOW_DB_URL when set). Ctrl-C stops everything. See README.md.
set -euo pipefail
cd "$(dirname "$0")"
runner=deploy/runner/target/finflow-runner.jar
if [ ! -f "$runner" ] || [ -n "$(find . -path '*/target' -prune -o \( -name '*.java' -o -name '*.yml' -o -name '*.sql' -o -name 'pom.xml' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) -newer "$runner" -print -quit)" ]; then
  echo "[run.sh] building Finflow (mvn package -DskipTests) ..."
  mvn -q -B -DskipTests package
fi
exec java -jar "$runner" "$@"
