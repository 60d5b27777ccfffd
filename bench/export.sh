#!/usr/bin/env bash
# Exports 1,000,000 requests as CSV from an application limited to a 256 MB heap, and times the
# audit trail viewer against 1,000,000 audit events in PostgreSQL.
# Usage: bench/export.sh [SECONDS per page]   (default 10)
# Creates the database dsr_bench_audit afresh on 127.0.0.1:5432 (user postgres), starts the
# application with -Xmx256m on port 18091, seeds it (bench/inbox-seed.sql, bench/audit-seed.sql),
# signs in as an admin, then:
#  - downloads GET /staff/exports/requests.csv for all two years (1,000,000 rows) and the whole
#    audit trail as CSV, with wall time, size, rows and the process's peak RSS while streaming;
#  - measures pages of /staff/audit with wrk on one connection (p50/p95/p99): first and
#    900,000 deep, each filter, and shows the query plans.
# Drops the database at the end. Needs: psql, curl, wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
db=dsr_bench_audit
port=18091
admin=bench@dsrdesk.local
password=bench-password-for-export
source bench/lib.sh
bench_prepare
bench_start_app -Xmx256m

echo "Seeding 1,000,000 requests and 1,000,000 audit events (a few minutes)..."
time psql_db $db -f bench/inbox-seed.sql
time psql_db $db -f bench/audit-seed.sql
psql_db $db -c "select 'requests', count(*) from dsr_request union all select 'audit events', count(*) from audit_event"

bench_sign_in

rss_kb() { awk '/^VmRSS/ { print $2 }' /proc/$app/status; }
# Downloads a CSV while sampling the application's resident memory every 100 ms.
download() {
  local name=$1 path=$2 before peak=0 rss
  before=$(rss_kb)
  curl -fs -H "Cookie: JSESSIONID=$session" -o "$bench_tmp/$name.csv" \
    -w "  HTTP %{http_code}, %{size_download} bytes in %{time_total} s (first byte after %{time_starttransfer} s)\n" \
    "http://localhost:$port$path" >"$bench_tmp/$name.curl" &
  local dl=$!
  while kill -0 $dl 2>/dev/null; do
    rss=$(rss_kb); [ "$rss" -gt "$peak" ] && peak=$rss
    sleep 0.1
  done
  wait $dl
  echo "$name ($path):"
  cat "$bench_tmp/$name.curl"
  echo "  lines (header included): $(wc -l <"$bench_tmp/$name.csv"), starts with a BOM: $(head -c3 "$bench_tmp/$name.csv" | od -An -tx1 | tr -d ' ')"
  echo "  application RSS: $((before / 1024)) MB before, peak $((peak / 1024)) MB while streaming (heap limit 256 MB)"
}
# Warm up the JIT on a small export first.
curl -fs -H "Cookie: JSESSIONID=$session" -o /dev/null "http://localhost:$port/staff/exports/requests.csv?from=$(date -d '-30 days' +%F)&to=$(date +%F)"
download "requests" "/staff/exports/requests.csv?from=$(date -d '-800 days' +%F)&to=$(date +%F)"
head -3 "$bench_tmp/requests.csv"
download "audit" "/staff/audit/export.csv"
echo "  application peak RSS since start (VmHWM): $(awk '/^VmHWM/ { print int($2 / 1024) }' /proc/$app/status) MB"

cat >"$bench_tmp/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("  requests %d, errors %d, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
measure() {
  local status rows
  status=$(curl -s -o "$bench_tmp/page" -w '%{http_code}' -H "Cookie: JSESSIONID=$session" "http://localhost:$port$2")
  [ "$status" = 200 ] || { echo "$1: HTTP $status"; exit 1; }
  rows=$(grep -c '<tr id="event-' "$bench_tmp/page" || true)
  wrk -t1 -c1 -d2s -H "Cookie: JSESSIONID=$session" "http://localhost:$port$2" >/dev/null
  echo "$1 ($2): $rows rows"
  wrk -t1 -c1 -d"${seconds}s" -H "Cookie: JSESSIONID=$session" -s "$bench_tmp/report.lua" "http://localhost:$port$2" | tail -1
}
cursor_sql="to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || ',' || id"
deep=$(psql_db $db -c "select $cursor_sql from audit_event order by occurred_at desc, id desc offset 900000 limit 1")
deep_action=$(psql_db $db -c "select $cursor_sql from audit_event where action = 'TASK_DONE' order by occurred_at desc, id desc offset 90000 limit 1")
deep_actor=$(psql_db $db -c "select $cursor_sql from audit_event where actor_id = (select min(id) from staff_user) order by occurred_at desc, id desc offset 300000 limit 1")
actor=$(psql_db $db -c "select min(id) from staff_user")
reference=$(psql_db $db -c "select reference from dsr_request where id = 500000")
for path in "/staff/audit" "/staff/audit?action=SIGN_IN" "/staff/audit?after=$deep"; do
  wrk -t1 -c1 -d3s -H "Cookie: JSESSIONID=$session" "http://localhost:$port$path" >/dev/null
done
measure "No filter, first page" "/staff/audit"
measure "No filter, 900,000 deep" "/staff/audit?after=$deep"
measure "Action TASK_DONE (100,000 events), first page" "/staff/audit?action=TASK_DONE"
measure "Action TASK_DONE, 90,000 deep" "/staff/audit?action=TASK_DONE&after=$deep_action"
measure "Rare action ACCOUNT_UPDATED (100 events)" "/staff/audit?action=ACCOUNT_UPDATED"
measure "User (333,333 events), 300,000 deep" "/staff/audit?actor=$actor&after=$deep_actor"
measure "No staff account (system)" "/staff/audit?actor=none"
measure "Request reference" "/staff/audit?reference=$reference"
measure "Date range, one day a year ago" "/staff/audit?from=$(date -d '-365 days' +%F)&to=$(date -d '-365 days' +%F)"
measure "User + action + date range" "/staff/audit?actor=$actor&action=REQUEST_STARTED&from=$(date -d '-400 days' +%F)&to=$(date -d '-300 days' +%F)"

echo "Query plans (EXPLAIN ANALYZE of the viewer's SQL with the values):"
select_list="select a.id, a.occurred_at, a.actor_label, a.action, a.target_type, a.target_id, a.details, a.request_id, r.reference, a.changes from audit_event a left join dsr_request r on r.id = a.request_id"
explain() { echo "-- $1"; psql_db $db -c "explain (analyze, costs off) $select_list where $2 order by a.occurred_at desc, a.id desc limit 51"; }
explain "900,000 deep" "(a.occurred_at, a.id) < ('${deep%,*}', ${deep#*,})"
explain "action, 90,000 deep" "a.action = 'TASK_DONE' and (a.occurred_at, a.id) < ('${deep_action%,*}', ${deep_action#*,})"
explain "request reference" "a.request_id = (select q.id from dsr_request q where q.reference = '$reference')"
