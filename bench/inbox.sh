#!/usr/bin/env bash
# Times the staff inbox (GET /staff/requests) against 1,000,000 requests in PostgreSQL.
# Usage: bench/inbox.sh [SECONDS per page]   (default 15)
# Creates the database dsr_bench_inbox afresh on 127.0.0.1:5432 (user postgres), starts the
# application against it on port 18086, seeds it (bench/inbox-seed.sql), signs in and measures
# each page with wrk on one connection (the server time of one request at a time): p50/p95/p99.
# Drops the database at the end. Needs: psql, curl, wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
db=dsr_bench_inbox
port=18086
admin=bench@dsrdesk.local
password=bench-password-for-inbox
source bench/lib.sh
bench_prepare
bench_start_app

echo "Seeding 1,000,000 requests (a few minutes)..."
time psql_db $db -f bench/inbox-seed.sql
psql_db $db -c "select 'requests', count(*) from dsr_request union all select 'open', count(*) from dsr_request where status in ('UNVERIFIED', 'NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT') union all select 'overdue open', count(*) from dsr_request where status in ('UNVERIFIED', 'NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT') and effective_deadline < current_date"

bench_sign_in

# Keyset cursors far down the lists: the 40,000th open request and the 900,000th of all.
deep_open=$(psql_db $db -c "select effective_deadline || ',' || id from dsr_request where status in ('UNVERIFIED', 'NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT') order by effective_deadline, id offset 40000 limit 1")
deep_all=$(psql_db $db -c "select effective_deadline || ',' || id from dsr_request order by effective_deadline, id offset 900000 limit 1")
reference=$(psql_db $db -c "select reference from dsr_request where id = 500000")

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
  rows=$(grep -c '<tr data-reference=' "$bench_tmp/page" || true)
  wrk -t1 -c1 -d3s -H "Cookie: JSESSIONID=$session" "http://localhost:$port$2" >/dev/null
  echo "$1 ($2): $rows rows"
  wrk -t1 -c1 -d"${seconds}s" -H "Cookie: JSESSIONID=$session" -s "$bench_tmp/report.lua" "http://localhost:$port$2" | tail -1
}
# Warm the JIT and the caches on a mix of pages before measuring anything.
for path in "/staff/requests" "/staff/requests?status=ALL" "/staff/requests?q=Karin+Lindqvist&status=ALL"; do
  wrk -t1 -c1 -d5s -H "Cookie: JSESSIONID=$session" "http://localhost:$port$path" >/dev/null
done
measure "Open requests, first page" "/staff/requests"
measure "Open requests, 40,000 deep" "/staff/requests?after=$deep_open"
measure "All statuses, first page" "/staff/requests?status=ALL"
measure "All statuses, 900,000 deep" "/staff/requests?status=ALL&after=$deep_all"
measure "Mine, overdue" "/staff/requests?assignee=mine&overdue=true"
measure "Type erasure, due within 7 days" "/staff/requests?type=ERASURE&dueWithin=7"
measure "Search name 'Karin Lindqvist' (1,111 people), all statuses" "/staff/requests?q=Karin+Lindqvist&status=ALL"
measure "Search name 'Lindqvist' (33,333 people) + status IN_PROGRESS" "/staff/requests?q=Lindqvist&status=IN_PROGRESS"
measure "Search name 'Lindqvist 4242' (one person), all statuses" "/staff/requests?q=Lindqvist+4242&status=ALL"
measure "Search email prefix 'p12345'" "/staff/requests?q=p12345%40&status=ALL"
measure "Search exact reference" "/staff/requests?q=$reference&status=ALL"

echo "Query plans (EXPLAIN ANALYZE of the inbox's SQL with the values, as the app plans it):"
select_list="select r.id, r.reference, r.type, r.status, r.effective_deadline, r.extension_months, s.name, u.display_name from dsr_request r join data_subject s on s.id = r.data_subject_id left join staff_user u on u.id = r.assignee_id"
explain() { echo "-- $1"; psql_db $db -c "explain (analyze, costs off) $select_list where $2 order by r.effective_deadline, r.id limit 26"; }
explain "open, 40,000 deep" "r.status in ('UNVERIFIED', 'NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT') and (r.effective_deadline, r.id) > ('${deep_open%,*}', ${deep_open#*,})"
explain "name 'Lindqvist 4242', all statuses" "s.name ilike '%Lindqvist 4242%'"
explain "name 'Lindqvist' + IN_PROGRESS" "r.status = 'IN_PROGRESS' and s.name ilike '%Lindqvist%'"
