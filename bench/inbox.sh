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
psql_db() { psql -h 127.0.0.1 -U postgres -d "$1" -v ON_ERROR_STOP=1 -qAt "${@:2}"; }

psql_db postgres -c "drop database if exists $db" -c "create database $db"
./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true -Djacoco.skip=true package
jar=$(ls target/dsr-desk-*.jar | grep -v plain | head -1)
log=$(mktemp)
java -Xmx512m -jar "$jar" --spring.profiles.active=postgres \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.datasource.username=postgres \
  --server.port=$port --dsr.admin.email=$admin --dsr.admin.password=$password \
  --dsr.sweep.run-at-startup=false --dsr.sweep.cron=- \
  --dsr.locations.sweep.run-at-startup=false --dsr.locations.sweep.cron=- --dsr.intake.sweep-cron=- \
  --dsr.mail.poll-interval=1h --logging.level.root=warn >"$log" 2>&1 &
app=$!
cleanup() {
  kill $app 2>/dev/null || true
  wait $app 2>/dev/null || true
  rm -f "$log" /tmp/bench-inbox-cookies /tmp/bench-inbox.lua
  psql_db postgres -c "drop database if exists $db" || true
}
trap cleanup EXIT
for _ in $(seq 1 90); do
  curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://localhost:$port/actuator/health" >/dev/null || { cat "$log"; exit 1; }

echo "Seeding 1,000,000 requests (a few minutes)..."
time psql_db $db -f bench/inbox-seed.sql
psql_db $db -c "select 'requests', count(*) from dsr_request union all select 'open', count(*) from dsr_request where status in ('UNVERIFIED', 'NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT') union all select 'overdue open', count(*) from dsr_request where status in ('UNVERIFIED', 'NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT') and effective_deadline < current_date"

jar_file=/tmp/bench-inbox-cookies
rm -f $jar_file
token=$(curl -fs -c $jar_file "http://localhost:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -fs -b $jar_file -c $jar_file -o /dev/null -d "email=$admin" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$token" "http://localhost:$port/login"
session=$(awk '$6 == "JSESSIONID" { print $7 }' $jar_file)
[ -n "$session" ] || { echo "Sign-in failed"; exit 1; }

# Keyset cursors far down the lists: the 40,000th open request and the 900,000th of all.
deep_open=$(psql_db $db -c "select effective_deadline || ',' || id from dsr_request where status in ('UNVERIFIED', 'NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT') order by effective_deadline, id offset 40000 limit 1")
deep_all=$(psql_db $db -c "select effective_deadline || ',' || id from dsr_request order by effective_deadline, id offset 900000 limit 1")
reference=$(psql_db $db -c "select reference from dsr_request where id = 500000")

cat >/tmp/bench-inbox.lua <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("  requests %d, errors %d, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
measure() {
  local status rows
  status=$(curl -s -o /tmp/bench-inbox-page -w '%{http_code}' -H "Cookie: JSESSIONID=$session" "http://localhost:$port$2")
  [ "$status" = 200 ] || { echo "$1: HTTP $status"; exit 1; }
  rows=$(grep -c '<tr data-reference=' /tmp/bench-inbox-page || true)
  wrk -t1 -c1 -d3s -H "Cookie: JSESSIONID=$session" "http://localhost:$port$2" >/dev/null
  echo "$1 ($2): $rows rows"
  wrk -t1 -c1 -d"${seconds}s" -H "Cookie: JSESSIONID=$session" -s /tmp/bench-inbox.lua "http://localhost:$port$2" | tail -1
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
