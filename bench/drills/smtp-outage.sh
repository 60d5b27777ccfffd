#!/usr/bin/env bash
# Drill: the SMTP server away while requests arrive and notices fall due, then back (from the
# project root, after ./mvnw package).
#
#   bench/drills/smtp-outage.sh [outage-seconds] [forms] [overdue]     (default 240, 20, 100)
#
# One instance on its own database ($DRILL_DB, default drill_smtp), the deadline sweep every
# 10 seconds. Then:
#   1. the SMTP sink is stopped;
#   2. during the outage: the overdue requests are seeded (the sweep escalates them, one mail
#      per batch of 20 to the compliance officer) and people submit the public form; every
#      mail fails and waits out its back-off (1, 2, 4 ... minutes, at most 15);
#   3. the sink is started again; a monitor calls /actuator/health every 10 seconds (as
#      HAProxy, docker compose or any supervisor does); its SMTP probe finds the server and the
#      waiting mail is brought forward at once instead of waiting out its back-off;
#   4. it waits until nothing is queued and counts:
#   acknowledged  forms answered 302, plus overdue requests due an escalation
#   stored        those forms' requests stored, plus escalation notices stored
#   mailed        forms whose confirmation mail arrived, plus overdue requests named in an
#                 escalation mail that arrived
#   duplicated    mails delivered more than once (same Message-ID); no crash here, so none
#   lost          acknowledged but not mailed
# and how long the queue took to drain after the server came back, the most attempts a mail
# needed, and how many mails were given up (must be none).
DRILL=smtp-outage
source "$(dirname "$0")/lib.sh"
outage=${1:-240}
forms=${2:-20}
overdue=${3:-100}
fresh_database "${DRILL_DB:-drill_smtp}"
port=$(free_port)
base="http://127.0.0.1:$port"
start_sink
start_instance app "$port" --dsr.intake.submits-per-hour=100000 --dsr.deadline.sweep.cron="*/10 * * * * *" \
  --dsr.deadline.sweep.batch-size=20 --dsr.deadline.sweep.max-items-per-mail=20 --dsr.deadline.sweep.digest-hour=24 \
  --logging.level.se.dsrdesk.notification=info
wait_healthy app "$port"
log "instance up in $(elapsed) s"

stop_sink
down_at=$(date +%s)
log "SMTP server stopped"
seed_overdue "$overdue"
touch "$tmp/forms.txt"
for n in $(seq 1 "$forms"); do
  email="outage-$n-$RANDOM@example.com"
  echo "$email $(submit_form "$base" "$n" "$email")" >>"$tmp/forms.txt"
  sleep $(( outage / (forms * 2) ))
done
notices=$(psql_db "$db" -c "select count(*) from deadline_notice where kind = 'OVERDUE'")
log "$forms forms and $notices escalations while the server is away"
while [ $(( $(date +%s) - down_at )) -lt "$outage" ]; do sleep 1; done
waiting=$(psql_db "$db" -c "select count(*) || ' queued, ' || coalesce(max(attempts), 0) || ' attempts at most, next attempt in up to '
  || coalesce(extract(epoch from max(next_attempt_at) - now())::int, 0) || ' s'
  from correspondence where status = 'QUEUED'")
log "after $outage s away: $waiting"

start_sink
back_at=$(date +%s)
log "SMTP server back"
monitor() { while true; do curl -s -m 5 -o /dev/null "$base/actuator/health" || true; sleep 10; done; }
monitor & pids+=($!)
drained=$(queue_drained 1200)
log "queue drained $drained s after the server came back"

queued=$(psql_db "$db" -c "select count(*) from correspondence where status = 'QUEUED'")
failed=$(psql_db "$db" -c "select count(*) from correspondence where status = 'FAILED'")
attempts=$(psql_db "$db" -c "select coalesce(max(attempts), 0) from correspondence")
acknowledged=0; stored=0; mailed=0; lost=0
while read -r email status; do
  s=$(psql_db "$db" -c "select count(*) from data_subject where email = '$email'")
  m=$(mails_to "$email")
  [ "$status" = 302 ] && acknowledged=$((acknowledged + 1))
  [ "$s" -ge 1 ] && stored=$((stored + 1))
  [ "$m" -ge 1 ] && mailed=$((mailed + 1))
  if { [ "$status" = 302 ] || [ "$s" -ge 1 ]; } && [ "$m" -lt 1 ]; then lost=$((lost + 1)); fi
done <"$tmp/forms.txt"
notices=$(psql_db "$db" -c "select count(distinct request_id) from deadline_notice where kind = 'OVERDUE'")
read -r escalated duplicated_escalations doubled < <(escalations_mailed)
acknowledged=$((acknowledged + overdue)); stored=$((stored + notices)); mailed=$((mailed + escalated))
lost=$((lost + overdue - escalated))
duplicated=$(duplicate_mails)
printf 'smtp-outage: outage=%ds forms=%d overdue=%d acknowledged=%d stored=%d mailed=%d duplicated=%d lost=%d failed=%d queued=%d (most attempts %d; drained %d s after the server came back; %d s)\n' \
  "$outage" "$forms" "$overdue" "$acknowledged" "$stored" "$mailed" "$duplicated" "$lost" "$failed" "$queued" \
  "$attempts" "$drained" "$(elapsed)"
[ "$lost" = 0 ] && [ "$duplicated" = 0 ] && [ "$failed" = 0 ] && [ "$doubled" = 0 ]
