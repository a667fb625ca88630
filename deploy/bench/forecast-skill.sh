#!/usr/bin/env bash
# Forecast skill benchmark (issue 5): walk-forward backtests of ARIMA and the naive baselines on the real
# series of shared/data, for next-day log return, next-day absolute return and the close h days ahead.
#
#   deploy/bench/forecast-skill.sh                       # all symbols of the bundled file
#   SYMBOLS=AAPL,TSLA HORIZON=10 deploy/bench/forecast-skill.sh
#   DATA=/path/to/dash-stock-ticker-demo.csv deploy/bench/forecast-skill.sh
#
# Needs no database and no running service: it calls the forecasting code in ml-projector directly.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${DATA:-../shared/data/dash-stock-ticker-demo.csv}
[ -f deploy/bench/target/finflow-bench.jar ] || mvn -q -B -ntp -pl deploy/bench -am package -DskipTests
echo "load before: $(uptime)"
java -jar deploy/bench/target/finflow-bench.jar forecast-skill --data "$DATA" \
  --symbols "${SYMBOLS:-AAPL,COKE,GOOGL,TSLA,YHOO}" --initial "${INITIAL:-250}" --refit "${REFIT:-20}" \
  --horizon "${HORIZON:-5}"
echo "load after: $(uptime)"
