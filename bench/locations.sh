#!/usr/bin/env bash
# Times the data-location pages against 100 locations and 1,000,000 requests in PostgreSQL.
# Usage: bench/locations.sh [SECONDS per page]   (default 15)
# Creates the database dsr_bench_locations afresh on 127.0.0.1:5432 (user postgres), starts the
# application against it on port 18085, seeds it (bench/locations-seed.sql), signs in and measures
# each page with wrk (1 connection: the server time of one request at a time) and prints p50/p95/p99.
# Drops the database at the end. Needs: psql, curl, wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
db=dsr_bench_locations
port=18085
admin=bench@dsrdesk.local
password=bench-password-for-locations
source bench/lib.sh
bench_prepare
bench_start_app

echo "Seeding 100 locations, 1,000,000 requests and their tasks (a few minutes)..."
time psql_db $db -f bench/locations-seed.sql

# Sign in: the form's CSRF token comes with a cookie; keep the session cookie.
bench_sign_in

busiest=$(psql_db $db -c "select location_id from location_task where status = 'OPEN' group by location_id order by count(*) desc limit 1")
deep=$(psql_db $db -c "select id from location_task where status = 'OPEN' order by id offset 100000 limit 1")
psql_db $db -c "select 'locations', count(*) from data_location union all select 'requests', count(*) from dsr_request union all select 'tasks', count(*) from location_task union all select 'open tasks (all the bench user''s)', count(*) from location_task where status = 'OPEN' union all select 'standing holds', count(*) from retention_hold where erased_at is null union all select 'open tasks at the busiest location', count(*) from location_task where status = 'OPEN' and location_id = $busiest"

cat >"$bench_tmp/report.lua" <<'LUA'
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
  wrk -t1 -c1 -d"${seconds}s" -H "Cookie: JSESSIONID=$session" -s "$bench_tmp/report.lua" "http://localhost:$port$2" | tail -1
}
measure "Register, page 1" "/staff/locations"
measure "Register, page 4" "/staff/locations?page=3"
measure "Detail of the busiest location" "/staff/locations/$busiest"
measure "Detail, holds page 100" "/staff/locations/$busiest?holdsPage=99"
measure "My tasks, first page" "/staff/tasks"
measure "My tasks, 100,000 tasks deep" "/staff/tasks?after=$deep"
