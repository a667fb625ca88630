# Sourced by the benchmark scripts: starts Finflow's auth-server on the benchmark's database and exports
# FINFLOW_OIDC_ISSUER_URI (so the service under test trusts it) and FINFLOW_TOKEN (a client-credentials token of
# the first-start script client, which the bench client sends as its bearer token). BENCH_AUTH_PORT picks the port.
AUTH_PORT=${BENCH_AUTH_PORT:-18084}
AUTH_SERVICE=
bench_auth_start() { # $1: JDBC URL of the benchmark database
  [ -f auth-server/target/auth-server.jar ] || mvn -q -B -ntp -DskipTests -pl auth-server -am package
  local creds; creds=$(mktemp -u /tmp/finflow-bench-credentials.XXXXXX)
  SERVER_PORT=$AUTH_PORT FINFLOW_DB_URL="$1" FINFLOW_DB_USER="$PGUSER" FINFLOW_OIDC_ISSUER_URI="http://127.0.0.1:$AUTH_PORT" \
    FINFLOW_AUTH_CREDENTIALS_FILE="$creds" FINFLOW_AUTH_ACCESS_TOKEN_TTL=6h \
    java -jar auth-server/target/auth-server.jar > /tmp/finflow-bench-auth-server.log 2>&1 &
  AUTH_SERVICE=$!
  for _ in $(seq 120); do
    kill -0 "$AUTH_SERVICE" 2>/dev/null || { echo "auth-server exited, see /tmp/finflow-bench-auth-server.log"; exit 1; }
    [ -s "$creds" ] && curl -sf "127.0.0.1:$AUTH_PORT/actuator/health" >/dev/null && break; sleep 1
  done
  # shellcheck disable=SC1090
  . "$creds"; rm -f "$creds"
  export FINFLOW_OIDC_ISSUER_URI="http://127.0.0.1:$AUTH_PORT"
  FINFLOW_TOKEN=$(curl -sf -u "$FINFLOW_CLIENT_ID:$FINFLOW_CLIENT_SECRET" -d grant_type=client_credentials \
    "$FINFLOW_OIDC_ISSUER_URI/oauth2/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  export FINFLOW_TOKEN
}
bench_auth_stop() {
  if [ -n "$AUTH_SERVICE" ]; then kill "$AUTH_SERVICE" 2>/dev/null || true; wait "$AUTH_SERVICE" 2>/dev/null || true; fi
  AUTH_SERVICE=
}
