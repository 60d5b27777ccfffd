#!/usr/bin/env bash
# Times the REST API (docs/api.md) against 1,000,000 requests in PostgreSQL: the request list
# (the inbox's keyset query) shallow and deep, with filters, a request's detail, and the cost of
# authenticating each call with a personal API token (Bearer) against HTTP Basic (bcrypt).
# Usage: bench/api.sh [SECONDS per measurement]   (default 10)
# Creates the database dsr_bench_api afresh on 127.0.0.1:5432 (user postgres), starts the
# application against it on port 18093, seeds it with bench/inbox-seed.sql, gives the first admin
# an API token (inserted as its SHA-256 digest) and measures with wrk on one connection (the
# server time of one call at a time): p50/p95/p99. Drops the database at the end.
# Needs: psql, curl, wrk, sha256sum.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
db=dsr_bench_api
port=18093
admin=bench@dsrdesk.local
password=bench-password-for-api
source bench/lib.sh
bench_prepare
bench_start_app
echo "Seeding 1,000,000 requests (a few minutes)..."
time psql_db $db -f bench/inbox-seed.sql
# A token for the bench admin, who also gets the case handler role.
token="dsr_$(printf 'b%.0s' $(seq 1 43))"
digest=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
psql_db $db -c "insert into staff_user_role (staff_user_id, role) select id, 'CASE_HANDLER' from staff_user where email = '$admin'" \
  -c "insert into api_token (staff_user_id, name, token_prefix, token_hash, created_at) select id, 'bench', '${token:0:12}', '$digest', now() from staff_user where email = '$admin'"
deep_open=$(psql_db $db -c "select effective_deadline || ',' || id from dsr_request where status in ('UNVERIFIED', 'NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT') order by effective_deadline, id offset 40000 limit 1")
deep_all=$(psql_db $db -c "select effective_deadline || ',' || id from dsr_request order by effective_deadline, id offset 900000 limit 1")
reference=$(psql_db $db -c "select reference from dsr_request where id = 500000")
bearer="Authorization: Bearer $token"
basic="Authorization: Basic $(printf '%s:%s' "$admin" "$password" | base64 -w0)"
cat >"$bench_tmp/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("  requests %d, errors %d, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
measure() {
  local status items
  status=$(curl -s -o "$bench_tmp/body" -w '%{http_code}' -H "$2" "http://localhost:$port$3")
  [ "$status" = 200 ] || { echo "$1: HTTP $status"; cat "$bench_tmp/body"; exit 1; }
  items=$(grep -o '"reference"' "$bench_tmp/body" | wc -l)
  echo "$1 ($3): $items references in the answer"
  wrk -t1 -c1 -d"${seconds}s" -H "$2" -s "$bench_tmp/report.lua" "http://localhost:$port$3" | tail -1
}
# Warm the JIT and the caches before measuring anything.
for path in "/api/v1/requests" "/api/v1/requests?status=ALL" "/api/v1/requests/$reference"; do
  wrk -t1 -c1 -d5s -H "$bearer" "http://localhost:$port$path" >/dev/null
done
measure "Open requests, first page" "$bearer" "/api/v1/requests"
measure "Open requests, 40,000 deep" "$bearer" "/api/v1/requests?after=$deep_open"
measure "All statuses, 900,000 deep" "$bearer" "/api/v1/requests?status=ALL&after=$deep_all"
measure "Mine, overdue" "$bearer" "/api/v1/requests?assignee=mine&overdue=true"
measure "Erasure, due before a date" "$bearer" "/api/v1/requests?type=ERASURE&dueBefore=$(date -d '+7 days' +%F)"
measure "Search exact reference" "$bearer" "/api/v1/requests?q=$reference&status=ALL"
measure "A request's detail" "$bearer" "/api/v1/requests/$reference"
measure "A request's detail with HTTP Basic (bcrypt per call)" "$basic" "/api/v1/requests/$reference"
echo "Writes of last_used_at during the run (at most one a minute):"
psql_db $db -c "select name, last_used_at from api_token"
