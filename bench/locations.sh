#!/usr/bin/env bash
# Times the data-location pages against 100 locations and 1,000,000 requests in PostgreSQL.
# Usage: bench/locations.sh [SECONDS per page]   (default 15)
# Creates the database dsr_bench_locations afresh on 127.0.0.1:5432 (user postgres), starts the
# application against it on port 18085, seeds it (bench/locations-seed.sql), signs in and measures
# each page with wrk (1 connection: the server time of one request at a time) and prints p50/p95/p99.
# Needs: psql, curl, wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
db=dsr_bench_locations
port=18085
admin=bench@dsrdesk.local
password=bench-password-for-locations
psql_db() { psql -h 127.0.0.1 -U postgres -d "$1" -v ON_ERROR_STOP=1 -qAt "${@:2}"; }

psql_db postgres -c "drop database if exists $db" -c "create database $db"
./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true -Djacoco.skip=true package
jar=$(ls target/dsr-desk-*.jar | grep -v plain | head -1)
log=$(mktemp)
java -Xmx512m -jar "$jar" --spring.profiles.active=postgres \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.datasource.username=postgres \
  --server.port=$port --dsr.admin.email=$admin --dsr.admin.password=$password \
  --dsr.sweep.run-at-startup=false --dsr.sweep.cron=- \
  --dsr.locations.sweep.run-at-startup=false --dsr.locations.sweep.cron=- \
  --dsr.mail.poll-interval=1h --logging.level.root=warn >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -f "$log" /tmp/bench-locations-cookies /tmp/bench-locations.lua' EXIT
for _ in $(seq 1 90); do
  curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://localhost:$port/actuator/health" >/dev/null || { cat "$log"; exit 1; }

echo "Seeding 100 locations, 1,000,000 requests and their tasks (a few minutes)..."
time psql_db $db -f bench/locations-seed.sql

# Sign in: the form's CSRF token comes with a cookie; keep the session cookie.
jar_file=/tmp/bench-locations-cookies
rm -f $jar_file
token=$(curl -fs -c $jar_file "http://localhost:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -fs -b $jar_file -c $jar_file -o /dev/null -d "email=$admin" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$token" "http://localhost:$port/login"
session=$(awk '$6 == "JSESSIONID" { print $7 }' $jar_file)
[ -n "$session" ] || { echo "Sign-in failed"; exit 1; }

busiest=$(psql_db $db -c "select location_id from location_task where status = 'OPEN' group by location_id order by count(*) desc limit 1")
deep=$(psql_db $db -c "select id from location_task where status = 'OPEN' order by id offset 100000 limit 1")
psql_db $db -c "select 'locations', count(*) from data_location union all select 'requests', count(*) from dsr_request union all select 'tasks', count(*) from location_task union all select 'open tasks (all the bench user''s)', count(*) from location_task where status = 'OPEN' union all select 'standing holds', count(*) from retention_hold where erased_at is null union all select 'open tasks at the busiest location', count(*) from location_task where status = 'OPEN' and location_id = $busiest"

cat >/tmp/bench-locations.lua <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("  requests %d, errors %d, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
measure() {
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: JSESSIONID=$session" "http://localhost:$port$2")
  [ "$status" = 200 ] || { echo "$1: HTTP $status"; exit 1; }
  # Warm up, then measure.
  wrk -t1 -c1 -d3s -H "Cookie: JSESSIONID=$session" "http://localhost:$port$2" >/dev/null
  echo "$1 ($2)"
  wrk -t1 -c1 -d"${seconds}s" -H "Cookie: JSESSIONID=$session" -s /tmp/bench-locations.lua "http://localhost:$port$2" | tail -1
}
measure "Register, page 1" "/staff/locations"
measure "Register, page 4" "/staff/locations?page=3"
measure "Detail of the busiest location" "/staff/locations/$busiest"
measure "Detail, holds page 100" "/staff/locations/$busiest?holdsPage=99"
measure "My tasks, first page" "/staff/tasks"
measure "My tasks, 100,000 tasks deep" "/staff/tasks?after=$deep"
