#!/usr/bin/env bash
# Benchmarks the public form POST against PostgreSQL and compares it with pgbench running the
# same inserts on the same machine.
# Usage: bench/intake.sh [DURATION] [CONNECTIONS]   (default 30s, 8)
# Needs wrk, pgbench, psql and curl; uses the database dsr_bench_intake on 127.0.0.1:5432, user
# postgres (dropped and created afresh, dropped again at the end). The rate limit is raised by
# DSR_INTAKE_SUBMITSPERHOUR; mail goes to a closed port (the dispatcher's failed attempt after
# each commit is part of the measured load, as the sending would be in production).
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-30s}"
connections="${2:-8}"
db=dsr_bench_intake
port="${BENCH_PORT:-18080}"
psql_() { psql -h 127.0.0.1 -U postgres "$@"; }

psql_ -d postgres -qc "drop database if exists $db" -c "create database $db"
./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true package
jar=$(ls target/dsr-desk-*.jar | grep -v original | head -1)

SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SPRING_DATASOURCE_USERNAME=postgres \
SPRING_DATASOURCE_PASSWORD= DSR_INTAKE_SUBMITSPERHOUR=1000000000 DSR_INTAKE_SWEEP_CRON=- \
DSR_DEADLINE_SWEEP_CRON=- DSR_DEADLINE_SWEEP_RUNATSTARTUP=false DSR_MAIL_DISPATCH_INTERVAL=24h SPRING_MAIL_PORT=9 \
DSR_ADMIN_PASSWORD=bench-admin-password LOGGING_LEVEL_SE_DSRDESK=warn \
  java -Xmx512m -jar "$jar" --server.port="$port" > target/bench-intake-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; psql_ -d postgres -qc "drop database if exists $db" || true' EXIT
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/request" || true)" = 200 ] && break
  sleep 1
done

# One GET of the form gives the CSRF cookie and its masked value for the form field.
jar_file=$(mktemp)
page=$(curl -s -c "$jar_file" "http://127.0.0.1:$port/request")
export CSRF_FIELD=$(printf '%s' "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
export CSRF_COOKIE=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$jar_file")
rm -f "$jar_file"
[ -n "$CSRF_FIELD" ] && [ -n "$CSRF_COOKIE" ] || { echo "No CSRF token from the form" >&2; exit 1; }

echo "== warm-up (10s)"
wrk -t2 -c"$connections" -d10s -s bench/intake/post.lua "http://127.0.0.1:$port" > /dev/null
before=$(psql_ -d "$db" -tAc "select count(*) from dsr_request")
echo "== wrk: POST /request, $connections connections, $duration"
wrk -t2 -c"$connections" -d"$duration" --latency -s bench/intake/post.lua "http://127.0.0.1:$port" | tee target/bench-intake-wrk.txt
after=$(psql_ -d "$db" -tAc "select count(*) from dsr_request")
echo "requests stored during the run: $((after - before))"
kill $app; wait $app 2>/dev/null || true

for script in two-inserts all-inserts; do
  echo "== pgbench: $script, $connections clients, $duration"
  pgbench -h 127.0.0.1 -U postgres -n -c "$connections" -j 2 -T "${duration%s}" -f "bench/intake/$script.sql" "$db" \
    | tee "target/bench-intake-pgbench-$script.txt" | grep -E "tps|latency average"
done

rps=$(grep -o 'Requests/sec: *[0-9.]*' target/bench-intake-wrk.txt | awk '{print $2}')
for script in two-inserts all-inserts; do
  tps=$(grep -o 'tps = [0-9.]*' "target/bench-intake-pgbench-$script.txt" | head -1 | awk '{print $3}')
  awk -v r="$rps" -v t="$tps" -v s="$script" 'BEGIN { printf "form POST %.0f req/s vs pgbench %s %.0f tps: ratio %.2f\n", r, s, t, r / t }'
done
