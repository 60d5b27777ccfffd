#!/usr/bin/env bash
# The inbox's counts per quick view and the staff start page at 1,000,000 requests: seeds like
# bench/inbox.sh (bench/inbox-seed.sql), then prints EXPLAIN ANALYZE of each count and list the two
# pages run, and times both pages with wrk on one connection (p50/p95/p99).
# Usage: bench/inbox-counts.sh [SECONDS per page]   (default 10); BENCH_JAR=path uses a jar built before.
# Creates and at the end drops the database dsr_bench_counts on 127.0.0.1:5432 (user postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
db=dsr_bench_counts
port=18091
admin=bench@dsrdesk.local
password=bench-password-for-counts
source bench/lib.sh
if [ -n "${BENCH_JAR:-}" ]; then
  # A jar built before (BENCH_JAR=path): no packaging, so this tree can build meanwhile.
  psql_db postgres -c "drop database if exists $db" -c "create database $db"
  bench_tmp=$(mktemp -d)
  app=
  trap bench_cleanup EXIT
  cp "$BENCH_JAR" "$bench_tmp/app.jar"
else
  bench_prepare
  # A copy of the jar, so that building in this tree meanwhile does not pull it from under the app.
  cp "$jar" "$bench_tmp/app.jar"
fi
jar="$bench_tmp/app.jar"
bench_start_app

echo "Seeding 1,000,000 requests (a few minutes)..."
time psql_db $db -f bench/inbox-seed.sql
# Index-only scans need the visibility map, which autovacuum keeps in production.
psql_db $db -c "vacuum analyze dsr_request" -c "vacuum analyze location_task"
# The seed bypasses the application: restart so that the dashboard's kept counts are recounted.
bench_stop_app
bench_start_app
bench_sign_in

me=$(psql_db $db -c "select id from staff_user order by id limit 1")
open="('UNVERIFIED', 'NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT')"
explain() { echo "-- $1"; psql_db $db -c "set plan_cache_mode = force_custom_plan" -c "explain (analyze, buffers, costs off) $2"; }
echo "Query plans:"
explain "inbox: mine (the bench user holds half the open requests: 25,000)" \
  "select count(*) from dsr_request r where r.status in $open and r.assignee_id = $me"
explain "inbox: unassigned (25,000)" \
  "select count(*) from dsr_request r where r.status in $open and r.assignee_id is null"
explain "inbox and dashboard: all open = the kept counts of running requests + the paused ones" \
  "select (select coalesce(sum(c.n), 0) from dashboard_running_deadline c)
        + (select count(*) from dsr_request r where r.status in ('AWAITING_SUBJECT'))"
explain "for comparison: all four counts in one pass over the open requests' index (not used)" \
  "select count(*) filter (where r.assignee_id = $me), count(*) filter (where r.assignee_id is null),
          count(*) filter (where r.effective_deadline < current_date), count(*)
   from dsr_request r where r.status in $open"
explain "start page: my open requests counted by urgency" \
  "select count(*) filter (where r.effective_deadline < current_date),
          count(*) filter (where r.effective_deadline between current_date and current_date + 7 and r.status not in ('AWAITING_SUBJECT')),
          count(*)
   from dsr_request r where r.status in $open and r.assignee_id = $me"
explain "start page: my first 5 open requests, most urgent first" \
  "select r.id, r.reference, r.type, r.status, r.effective_deadline, r.extension_months, r.one_month_deadline, null, u.display_name
   from dsr_request r left join staff_user u on u.id = r.assignee_id
   where r.status in $open and r.assignee_id = $me order by r.effective_deadline, r.id limit 5"
explain "start page: my open tasks counted" \
  "select count(*) from location_task where assignee_id = $me and status = 'OPEN'"
explain "inbox and start page: overdue overall, counted from the kept counts (running) and the paused" \
  "select (select coalesce(sum(c.n), 0) from dashboard_running_deadline c where c.effective_deadline < current_date)
        + (select count(*) from dsr_request r where r.status in ('AWAITING_SUBJECT') and r.effective_deadline < current_date)"

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
  wrk -t1 -c1 -d3s -H "Cookie: JSESSIONID=$session" "http://localhost:$port$2" >/dev/null
  echo "$1 ($2)"
  wrk -t1 -c1 -d"${seconds}s" -H "Cookie: JSESSIONID=$session" -s "$bench_tmp/report.lua" "http://localhost:$port$2" | tail -1
}
# A page that reads almost nothing: what any page costs on the machine at that moment.
measure "Baseline: change password (no query)" "/staff/account/password"
measure "Inbox with its counts, first page" "/staff/requests"
measure "Inbox, unassigned, with its counts" "/staff/requests?assignee=unassigned"
measure "Start page (all three roles)" "/staff"
