#!/usr/bin/env bash
# ml-projector benchmark (issue 5): the service's training pipeline per symbol (features, baselines, ARIMA,
# LSTM; held-out scoring; forecasts), timed, on the real series of shared/data, then on N synthetic series.
#
#   deploy/bench/forecast.sh                          # real series + 500 synthetic symbols
#   SYNTHETIC=50 EPOCHS=10 deploy/bench/forecast.sh
#
# Needs no database and no running service. DJL runs offline: PyTorch's native library ships in the jar.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${DATA:-command-side/src/main/resources/sample-data/dash-stock-ticker-demo.csv}
JAR=deploy/bench/target/finflow-bench.jar
# Rebuilt when the models changed: Boot does not repackage a jar that is already there.
if [ ! -f "$JAR" ] || [ -n "$(find forecasting-math/src/main deploy/bench/src -newer "$JAR" -name '*.java' | head -1)" ]; then
  rm -f "$JAR" "$JAR.original"
  mvn -q -B -ntp -pl deploy/bench -am package -DskipTests
fi
echo "load before: $(uptime)"
java -Dai.djl.offline=true -jar deploy/bench/target/finflow-bench.jar forecast --data "$DATA" \
  --synthetic "${SYNTHETIC:-500}" --days "${DAYS:-750}" --threads "${THREADS:-2}" \
  --real "${REAL:-true}" --epochs "${EPOCHS:-10}" --hidden "${HIDDEN:-16}" --seed "${SEED:-42}"
echo "load after: $(uptime)"
