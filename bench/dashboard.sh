#!/usr/bin/env bash
# Times the compliance officer's dashboard (GET /staff/dashboard) and the yearly report against
# 1,000,000 requests in PostgreSQL.
# Usage: bench/dashboard.sh [SECONDS per page]   (default 15)
# Creates the database dsr_bench_dashboard afresh on 127.0.0.1:5432 (user postgres), starts the
# application against it on port 18093, seeds it (bench/dashboard-seed.sql), signs in as the
# bench admin, times the first (cold) requests, then measures each page with wrk on one connection
# (the server time of one request at a time): p50/p95/p99. Prints EXPLAIN ANALYZE of the
# dashboard's queries. Drops the database at the end. Needs: psql, curl, wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
db=dsr_bench_dashboard
port=18093
admin=bench@dsrdesk.local
password=bench-password-for-dashboard
psql_db() { psql -h 127.0.0.1 -U postgres -d "$1" -v ON_ERROR_STOP=1 -qAt "${@:2}"; }

psql_db postgres -c "drop database if exists $db" -c "create database $db"
./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true -Djacoco.skip=true package
jar=$(ls target/dsr-desk-*.jar | grep -v plain | head -1)
log=$(mktemp)
start_app() {
  java -Xmx512m -jar "$jar" --spring.profiles.active=postgres \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.datasource.username=postgres \
    --server.port=$port --dsr.admin.email=$admin --dsr.admin.password=$password \
    --dsr.sweep.run-at-startup=false --dsr.sweep.cron=- \
    --dsr.locations.sweep.run-at-startup=false --dsr.locations.sweep.cron=- --dsr.intake.sweep-cron=- \
    --dsr.mail.poll-interval=1h --logging.level.root=warn >"$log" 2>&1 &
  app=$!
  for _ in $(seq 1 90); do
    curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "http://localhost:$port/actuator/health" >/dev/null || { cat "$log"; exit 1; }
}
stop_app() {
  kill $app 2>/dev/null || true
  wait $app 2>/dev/null || true
}
cleanup() {
  stop_app
  rm -f "$log" /tmp/bench-dashboard-cookies /tmp/bench-dashboard.lua /tmp/bench-dashboard-page
  psql_db postgres -c "drop database if exists $db" || true
}
trap cleanup EXIT
start_app

echo "Seeding 1,000,000 requests (a minute or two)..."
time psql_db $db -f bench/dashboard-seed.sql
psql_db $db -c "select status, count(*) from dsr_request group by status order by status"

sign_in() {
  rm -f /tmp/bench-dashboard-cookies
  local token
  token=$(curl -fs -c /tmp/bench-dashboard-cookies "http://localhost:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -fs -b /tmp/bench-dashboard-cookies -c /tmp/bench-dashboard-cookies -o /dev/null -d "email=$admin" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$token" "http://localhost:$port/login"
  session=$(awk '$6 == "JSESSIONID" { print $7 }' /tmp/bench-dashboard-cookies)
  [ -n "$session" ] || { echo "Sign-in failed"; exit 1; }
}

year=$(( $(date +%Y) - 1 ))
two_years="from=$(date -d '-2 years' +%F)&to=$(date +%F)"

# Cold: a freshly started application (no JIT, empty connection pool), first requests.
stop_app
start_app
sign_in
echo "Cold (first requests after the application started; PostgreSQL's cache is warm from seeding):"
for path in "/staff/dashboard" "/staff/dashboard" "/staff/dashboard?$two_years" "/staff/dashboard/report?year=$year"; do
  curl -s -o /dev/null -w "  $path: HTTP %{http_code}, %{time_total} s\n" -H "Cookie: JSESSIONID=$session" "http://localhost:$port$path"
done

cat >/tmp/bench-dashboard.lua <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("  requests %d, errors %d, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
measure() {
  local status
  status=$(curl -s -o /tmp/bench-dashboard-page -w '%{http_code}' -H "Cookie: JSESSIONID=$session" "http://localhost:$port$2")
  [ "$status" = 200 ] || { echo "$1: HTTP $status"; exit 1; }
  wrk -t1 -c1 -d3s -H "Cookie: JSESSIONID=$session" "http://localhost:$port$2" >/dev/null
  echo "$1 ($2)"
  wrk -t1 -c1 -d"${seconds}s" -H "Cookie: JSESSIONID=$session" -s /tmp/bench-dashboard.lua "http://localhost:$port$2" | tail -1
}
# Warm the JIT before measuring.
wrk -t1 -c1 -d10s -H "Cookie: JSESSIONID=$session" "http://localhost:$port/staff/dashboard" >/dev/null
curl -s -H "Cookie: JSESSIONID=$session" "http://localhost:$port/staff/dashboard" -o /tmp/bench-dashboard-page
echo "Dashboard shows: $(grep -o 'id="overdue-count">[0-9]*' /tmp/bench-dashboard-page | sed 's/.*>/overdue /'), $(grep -o 'id="fig-received">[0-9]*' /tmp/bench-dashboard-page | sed 's/.*>/received /'), $(grep -o 'id="fig-answered">[0-9]*' /tmp/bench-dashboard-page | sed 's/.*>/answered /'), $(grep -o 'id="fig-median">[^<]*' /tmp/bench-dashboard-page | sed 's/.*>/median /'), $(grep -o 'id="fig-p90">[^<]*' /tmp/bench-dashboard-page | sed 's/.*>/p90 /')"
measure "Dashboard, default period (last 12 months)" "/staff/dashboard"
measure "Dashboard, two years" "/staff/dashboard?$two_years"
measure "Yearly report, $year (page)" "/staff/dashboard/report?year=$year"
measure "Yearly report, $year (PDF)" "/staff/dashboard/report.pdf?year=$year"

echo "Query plans (EXPLAIN ANALYZE of the dashboard's SQL with today's values):"
first=$(date -d "$(date +%Y-%m-01) -11 months" +%F)
explain() { echo "-- $1"; psql_db $db -c "explain (analyze, costs off) $2" | grep -v '^ *Buffers'; }
explain "overdue, count (counts kept by triggers)" "select coalesce(sum(c.n), 0) from dashboard_running_deadline c where c.effective_deadline < current_date"
explain "overdue, count (counted from the requests, as on H2)" "select count(*) from dsr_request r where r.status in ('UNVERIFIED', 'NEW', 'IN_PROGRESS') and r.effective_deadline < current_date"
explain "overdue, first 10" "select r.id, r.reference, r.type, r.status, r.effective_deadline, r.extension_months, u.display_name from dsr_request r left join staff_user u on u.id = r.assignee_id where r.status in ('UNVERIFIED', 'NEW', 'IN_PROGRESS') and r.effective_deadline < current_date order by r.effective_deadline, r.id limit 10"
explain "due within 7 days, count (counts kept by triggers)" "select coalesce(sum(c.n), 0) from dashboard_running_deadline c where c.effective_deadline between current_date and current_date + 7"
explain "last day to extend, count" "select count(*) from dsr_request r where r.status in ('NEW', 'IN_PROGRESS') and r.extension_months = 0 and r.one_month_deadline between current_date and current_date + 1"
explain "paused, count" "select count(*) from dsr_request r where r.status = 'AWAITING_SUBJECT'"
explain "paused, first 10" "select r.id, r.reference, r.type, p.paused_on, u.display_name from request_pause p join dsr_request r on r.id = p.request_id left join staff_user u on u.id = r.assignee_id where p.resumed_on is null and r.status = 'AWAITING_SUBJECT' order by p.paused_on, r.id limit 10"
explain "extended, count" "select count(*) from dsr_request r where r.status in ('UNVERIFIED', 'NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT') and r.extension_months > 0"
explain "holds, count" "select count(*) from retention_hold h where h.erased_at is null and h.retained_until <= current_date + 30"
explain "received by day and type, 12 months (counts kept by triggers)" "select c.receipt_date, c.type, c.n from dashboard_received c where c.receipt_date between date '$first' and current_date and c.n <> 0"
explain "answered, 12 months (counts kept by triggers)" "select a.days, case when a.on_time then 1 else 0 end, a.status, nullif(a.ground, ''), sum(a.n) from dashboard_answered a where a.closed_on between date '$first' and current_date group by a.days, a.on_time, a.status, a.ground having sum(a.n) <> 0"
explain "extensions, 12 months" "select r.extension_months, count(*) from dsr_request r where r.extended_at >= timestamp with time zone '$first 00:00 Europe/Stockholm' and r.extended_at < now() group by r.extension_months"
