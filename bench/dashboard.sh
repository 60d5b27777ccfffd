#!/usr/bin/env bash
# Times the compliance officer's dashboard (GET /staff/dashboard) and the yearly report against
# 1,000,000 requests in PostgreSQL.
# Usage: bench/dashboard.sh [SECONDS per page]   (default 15)
# Environment (all optional): BENCH_DB (database, default dsr_bench_dashboard; dropped at the end),
# BENCH_PORT (default 18094), BENCH_START_SECONDS (how long to wait for the application to start,
# default 120; a start after seeding recounts the dashboard's counts), BENCH_REQUESTS (how many
# requests to seed, default 1000000; a small number checks that the script works).
# Creates the database afresh on 127.0.0.1:5432 (user postgres), starts the
# application against it, seeds it (bench/dashboard-seed.sql), signs in as the
# bench admin, times the first (cold) requests, then measures each page with wrk on one connection
# (the server time of one request at a time): p50/p95/p99. Prints EXPLAIN ANALYZE of the
# dashboard's queries. Drops the database at the end. Needs: psql, curl, wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
db="${BENCH_DB:-dsr_bench_dashboard}"
port="${BENCH_PORT:-18094}"
requests="${BENCH_REQUESTS:-1000000}"
admin=bench@dsrdesk.local
password=bench-password-for-dashboard
source bench/lib.sh
bench_prepare
bench_start_app

echo "Seeding $requests requests (a minute or two for a million)..."
time psql_db $db -v requests="$requests" -f bench/dashboard-seed.sql
psql_db $db -c "select status, count(*) from dsr_request group by status order by status"

year=$(( $(date +%Y) - 1 ))
two_years="from=$(date -d '-2 years' +%F)&to=$(date +%F)"

# Cold: a freshly started application (no JIT, empty connection pool), first requests.
bench_stop_app
bench_start_app
bench_sign_in
echo "Cold (first requests after the application started; PostgreSQL's cache is warm from seeding):"
for path in "/staff/dashboard" "/staff/dashboard" "/staff/dashboard?$two_years" "/staff/dashboard/report?year=$year"; do
  curl -s -o /dev/null -w "  $path: HTTP %{http_code}, %{time_total} s\n" -H "Cookie: JSESSIONID=$session" "http://localhost:$port$path"
done

cat >"$bench_tmp/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("  requests %d, errors %d, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
measure() {
  local status
  status=$(curl -s -o "$bench_tmp/page" -w '%{http_code}' -H "Cookie: JSESSIONID=$session" "http://localhost:$port$2")
  [ "$status" = 200 ] || { echo "$1: HTTP $status"; exit 1; }
  wrk -t1 -c1 -d3s -H "Cookie: JSESSIONID=$session" "http://localhost:$port$2" >/dev/null
  echo "$1 ($2)"
  wrk -t1 -c1 -d"${seconds}s" -H "Cookie: JSESSIONID=$session" -s "$bench_tmp/report.lua" "http://localhost:$port$2" | tail -1
}
# Warm the JIT before measuring.
wrk -t1 -c1 -d10s -H "Cookie: JSESSIONID=$session" "http://localhost:$port/staff/dashboard" >/dev/null
curl -s -H "Cookie: JSESSIONID=$session" "http://localhost:$port/staff/dashboard" -o "$bench_tmp/page"
echo "Dashboard shows: $(grep -o 'id="overdue-count">[0-9]*' "$bench_tmp/page" | sed 's/.*>/overdue /'), $(grep -o 'id="untold-count">[0-9]*' "$bench_tmp/page" | sed 's/.*>/overdue and not told /'), $(grep -o 'id="fig-received">[0-9]*' "$bench_tmp/page" | sed 's/.*>/received /'), $(grep -o 'id="fig-answered">[0-9]*' "$bench_tmp/page" | sed 's/.*>/answered /'), $(grep -o 'id="fig-median">[^<]*' "$bench_tmp/page" | sed 's/.*>/median /'), $(grep -o 'id="fig-p90">[^<]*' "$bench_tmp/page" | sed 's/.*>/p90 /')"
measure "Dashboard, default period (last 12 months)" "/staff/dashboard"
measure "Dashboard, two years" "/staff/dashboard?$two_years"
measure "Yearly report, $year (page)" "/staff/dashboard/report?year=$year"
measure "Yearly report, $year (PDF)" "/staff/dashboard/report.pdf?year=$year"

echo "Query plans (EXPLAIN ANALYZE of the dashboard's SQL with today's values):"
first=$(date -d "$(date +%Y-%m-01) -11 months" +%F)
explain() { echo "-- $1"; psql_db $db -c "explain (analyze, costs off) $2" | grep -v '^ *Buffers'; }
explain "overdue, count (counts kept by the application)" "select coalesce(sum(c.n), 0) from dashboard_running_deadline c where c.effective_deadline < current_date"
explain "overdue, count (counted from the requests, as on H2)" "select count(*) from dsr_request r where r.status in ('UNVERIFIED', 'NEW', 'IN_PROGRESS') and r.effective_deadline < current_date"
explain "overdue, first 10" "select r.id, r.reference, r.type, r.status, r.effective_deadline, r.extension_months, u.display_name from dsr_request r left join staff_user u on u.id = r.assignee_id where r.status in ('UNVERIFIED', 'NEW', 'IN_PROGRESS') and r.effective_deadline < current_date order by r.effective_deadline, r.id limit 10"
explain "overdue, person not told, count (counts kept by the application)" "select coalesce(sum(c.n), 0) from dashboard_overdue_untold c where c.covered_until < current_date"
explain "overdue, person not told, count (counted from the requests, as on H2)" "select count(*) from dsr_request r where r.status in ('NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT') and r.effective_deadline < current_date and (r.delay_announced_on is null or r.delay_expected_on is null or r.delay_expected_on < current_date)"
explain "overdue, person not told, first 10" "select r.id, r.reference, r.type, r.status, r.effective_deadline, r.extension_months, u.display_name from dsr_request r left join staff_user u on u.id = r.assignee_id where r.status in ('NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT') and r.effective_deadline < current_date and (r.delay_announced_on is null or r.delay_expected_on is null or r.delay_expected_on < current_date) order by r.effective_deadline, r.id limit 10"
explain "due within 7 days, count (counts kept by the application)" "select coalesce(sum(c.n), 0) from dashboard_running_deadline c where c.effective_deadline between current_date and current_date + 7"
explain "last day to extend, count" "select count(*) from dsr_request r where r.status in ('NEW', 'IN_PROGRESS') and r.extension_months = 0 and r.one_month_deadline between current_date and current_date + 1"
explain "paused, count" "select count(*) from dsr_request r where r.status = 'AWAITING_SUBJECT'"
explain "paused, first 10" "select r.id, r.reference, r.type, p.paused_on, u.display_name from request_pause p join dsr_request r on r.id = p.request_id left join staff_user u on u.id = r.assignee_id where p.resumed_on is null and r.status = 'AWAITING_SUBJECT' order by p.paused_on, r.id limit 10"
explain "extended, count" "select count(*) from dsr_request r where r.status in ('UNVERIFIED', 'NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT') and r.extension_months > 0"
explain "representative's authority unchecked, count" "select count(*) from dsr_request r where r.status in ('NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT') and r.representative_name is not null and r.authority_verified_at is null"
explain "representative's authority unchecked, first 10" "select r.id, r.reference, r.type, r.status, r.effective_deadline from dsr_request r where r.status in ('NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT') and r.representative_name is not null and r.authority_verified_at is null order by r.effective_deadline, r.id limit 10"
explain "holds, count" "select count(*) from retention_hold h where h.erased_at is null and h.retained_until <= current_date + 30"
explain "received by day and type, 12 months (counts kept by the application)" "select c.receipt_date, c.type, c.n from dashboard_received c where c.receipt_date between date '$first' and current_date and c.n <> 0"
explain "answered, 12 months (counts kept by the application)" "select a.days, case when a.on_time then 1 else 0 end, a.status, nullif(a.ground, ''), sum(a.n) from dashboard_answered a where a.closed_on between date '$first' and current_date group by a.days, a.on_time, a.status, a.ground having sum(a.n) <> 0"
explain "extensions, 12 months" "select r.extension_months, count(*) from dsr_request r where r.extended_at >= timestamp with time zone '$first 00:00 Europe/Stockholm' and r.extended_at < now() group by r.extension_months"
