#!/usr/bin/env bash
# Forecast skill benchmark (issues 5, 19): walk-forward backtests of ARIMA and the naive baselines for next-day log
# return, next-day absolute return and the close h days ahead; skill against the baselines and the coverage of
# calibrated 95% intervals (n, Wilson interval).
#
#   deploy/bench/forecast-skill.sh                       # every symbol of the repository's sample data
#   SYMBOLS=AAPL,TSLA HORIZON=10 deploy/bench/forecast-skill.sh
#   DATA=forecasting-math/src/test/resources/eustocks/eustocks-long.csv deploy/bench/forecast-skill.sh
#
# DATA is the dash-stock-ticker layout (Date, ..., AdjClose, ..., Stock) or the long format symbol,date,close.
# Fails (non-zero) on an unreadable file or when no symbol has enough values, rather than print empty tables.
# Needs no database and no running service: it calls forecasting-math directly.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${DATA:-command-side/src/main/resources/sample-data/dash-stock-ticker-demo.csv}
[ -f "$DATA" ] || { echo "forecast-skill: no data file $DATA" >&2; exit 1; }
JAR=deploy/bench/target/finflow-bench.jar
# Rebuilt when the models changed: Boot does not repackage a jar that is already there.
if [ ! -f "$JAR" ] || [ -n "$(find forecasting-math/src/main deploy/bench/src -newer "$JAR" -name '*.java' | head -1)" ]; then
  rm -f "$JAR" "$JAR.original"
  mvn -q -B -ntp -pl deploy/bench -am package -DskipTests
fi
echo "load before: $(uptime)"
java -jar "$JAR" forecast-skill --data "$DATA" \
  --symbols "${SYMBOLS:-}" --initial "${INITIAL:-250}" --refit "${REFIT:-20}" \
  --horizon "${HORIZON:-5}" --max-order "${MAX_ORDER:-2}"
echo "load after: $(uptime)"
