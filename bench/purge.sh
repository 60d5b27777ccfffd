#!/usr/bin/env bash
# The retention purge at scale: 100,000 closed requests whose retention has ended, out of 1,000,000
# requests in PostgreSQL. Measures how long the daily purge takes, the application's peak memory
# with a small heap (-Xmx256m: a purge that held its work in memory would fail), and the staff
# inbox's latency (GET /staff/requests, one connection, wrk) before and during the purge.
# Usage: bench/purge.sh [SECONDS of inbox measurement]   (default 20)
# Creates the database dsr_bench_purge afresh on 127.0.0.1:5432 (user postgres), drops it at the
# end. Needs: psql, curl, wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
db=dsr_bench_purge
port=18090
admin=bench@dsrdesk.local
password=bench-password-for-purge
source bench/lib.sh
bench_prepare
bench_start_app -Xmx256m

echo "Seeding 1,000,000 requests, then 100,000 due for purging (a few minutes)..."
time psql_db $db -f bench/inbox-seed.sql
time psql_db $db -f bench/purge-seed.sql
psql_db $db -c "select 'requests', count(*) from dsr_request union all select 'closed', count(*) from dsr_request where closed_at is not null union all select 'closed more than 3 years ago', count(*) from dsr_request where closed_at < now() - interval '3 years'"
bench_stop_app

# Again, with the purge every minute from now on (ShedLock keeps runs from overlapping; a run that
# finds nothing due ends at once).
start_with_purge() {
  java -Xmx256m -jar "$jar" --spring.profiles.active=postgres \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.datasource.username=postgres \
    --server.port="$port" --dsr.admin.email="$admin" --dsr.admin.password="$password" \
    --dsr.sweep.run-at-startup=false --dsr.sweep.cron=- \
    --dsr.locations.sweep.run-at-startup=false --dsr.locations.sweep.cron=- --dsr.intake.sweep-cron=- \
    --dsr.mail.poll-interval=1h --dsr.policy.notice-interval=1h --dsr.retention.cron="$1" \
    --logging.level.root=warn --logging.level.se.dsrdesk.request.retention=info >"$bench_tmp/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 120); do
    curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  cat "$bench_tmp/app.log"
  exit 1
}
# The purge starts at the first full minute that is at least 90 s away: time for the baseline.
start_at=$(( ($(date +%s) + 150) / 60 * 60 ))
start_with_purge "0 $(date -u -d @$start_at +%M) * * * *"
bench_sign_in

cat >"$bench_tmp/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("  requests %d, errors %d, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
inbox="http://localhost:$port/staff/requests?status=ALL"
wrk -t1 -c1 -d30s -H "Cookie: JSESSIONID=$session" "$inbox" >/dev/null
echo "Inbox (all statuses, first page) before the purge:"
wrk -t1 -c1 -d"${seconds}s" -H "Cookie: JSESSIONID=$session" -s "$bench_tmp/report.lua" "$inbox" | tail -1

echo "Application memory before the purge:"
grep -E 'VmHWM|VmRSS' "/proc/$app/status"
while [ "$(date +%s)" -lt "$start_at" ]; do sleep 1; done
began=$(date +%s.%N)
echo "Inbox during the purge:"
wrk -t1 -c1 -d"${seconds}s" -H "Cookie: JSESSIONID=$session" -s "$bench_tmp/report.lua" "$inbox" | tail -1
until grep -q "Retention: personal data of" "$bench_tmp/app.log"; do sleep 1; done
ended=$(date +%s.%N)
grep "Retention: personal data of" "$bench_tmp/app.log" | head -1 | sed 's/.*Retention/Retention/'
printf "Purge run: about %.0f s from its scheduled start\n" "$(echo "$ended - $began" | bc)"
echo "Application memory after the purge (VmHWM: the peak):"
grep -E 'VmHWM|VmRSS' "/proc/$app/status"
psql_db $db -c "select 'purged', count(*) from dsr_request where purged_at is not null union all select 'notes left on purged', count(*) from request_note n join dsr_request r on r.id = n.request_id where r.purged_at is not null union all select 'people erased', count(*) from data_subject where erased_at is not null"
echo "Inbox after the purge:"
wrk -t1 -c1 -d"${seconds}s" -H "Cookie: JSESSIONID=$session" -s "$bench_tmp/report.lua" "$inbox" | tail -1
