#!/usr/bin/env bash
# Drill: kill -9 during intake (from the project root, after ./mvnw package).
#
#   bench/drills/kill-intake.sh [forms]        (default 40)
#
# One instance on its own database ($DRILL_DB, default drill_intake), mail to the SMTP sink.
# Four clients submit the public form in parallel (each form from a new address; the limit of
# forms per client address is raised for the drill, all clients being 127.0.0.1); after a third
# of the forms the instance is killed with kill -9, then started again while the clients go on
# (a person who finds the form page down tries again until it opens). Once the queue is empty
# (mail claimed by the killed instance waits for its claim to run out, up to 10 minutes) it
# counts, per address that was submitted:
#   acknowledged  the form answered 302 (the person saw "check your mail")
#   stored        a request exists for the address
#   mailed        the confirmation mail arrived (sent before the crash or by the restarted instance)
#   duplicated    confirmation mails beyond the first (at most one per crash: a mail sent but
#                 not yet marked sent when the process died)
#   lost          acknowledged but not stored, or stored but never mailed
# A form cut off by the crash was not acknowledged; whether it was stored depends on whether
# its commit came first: both are fine, as long as whatever is stored is mailed.
DRILL=kill-intake
source "$(dirname "$0")/lib.sh"
forms=${1:-40}
fresh_database "${DRILL_DB:-drill_intake}"
port=$(free_port)
base="http://127.0.0.1:$port"
start_sink
intake_settings=(--dsr.intake.submits-per-hour=100000 --logging.level.se.dsrdesk.notification=info)
start_instance app "$port" "${intake_settings[@]}"
wait_healthy app "$port"
log "instance up in $(elapsed) s"

# client N: forms N, N+4, N+8 ... one after the other; "<email> <status>" for each. While the
# instance is down the person waits and opens the form again; a form whose POST got no answer
# is not sent again.
client() {
  local n email status
  for ((n = $1; n <= forms; n += 4)); do
    email="drill-$n-$RANDOM@example.com"
    while status=$(submit_form "$base" "$n" "$email"); [ "$status" = down ]; do sleep 1; done
    echo "$email $status" >>"$tmp/results.txt"
  done
}
touch "$tmp/results.txt"
clients=()
for c in 1 2 3 4; do client "$c" & clients+=($!); done
while [ "$(wc -l <"$tmp/results.txt")" -lt $(( forms / 3 )) ]; do sleep 0.2; done
kill_hard app
log "kill -9 after $(wc -l <"$tmp/results.txt") of $forms forms"
start_instance app "$port" "${intake_settings[@]}"
wait_healthy app "$port"
log "restarted in $(elapsed) s since the start"
for pid in "${clients[@]}"; do wait "$pid" || true; done

# Wait until every stored mail has left the queue (sent or given up).
drained=$(queue_drained "${QUEUE_TIMEOUT:-720}")
queued=$(psql_db "$db" -c "select count(*) from correspondence where status = 'QUEUED'")
failed=$(psql_db "$db" -c "select count(*) from correspondence where status = 'FAILED'")

acknowledged=0; stored=0; mailed=0; duplicated=0; lost=0
while read -r email status; do
  s=$(psql_db "$db" -c "select count(*) from data_subject where email = '$email'")
  m=$(mails_to "$email")
  [ "$status" = 302 ] && acknowledged=$((acknowledged + 1))
  [ "$s" -ge 1 ] && stored=$((stored + 1))
  [ "$m" -ge 1 ] && mailed=$((mailed + 1))
  [ "$m" -gt 1 ] && duplicated=$((duplicated + m - 1))
  if [ "$status" = 302 ] && { [ "$s" -lt 1 ] || [ "$m" -lt 1 ]; }; then lost=$((lost + 1)); fi
  if [ "$status" != 302 ] && [ "$s" -ge 1 ] && [ "$m" -lt 1 ]; then lost=$((lost + 1)); fi
done <"$tmp/results.txt"
printf 'kill-intake: forms=%d acknowledged=%d stored=%d mailed=%d duplicated=%d lost=%d queued=%d failed=%d (queue drained %d s after the clients stopped; %d s)\n' \
  "$forms" "$acknowledged" "$stored" "$mailed" "$duplicated" "$lost" "$queued" "$failed" "$drained" "$(elapsed)"
[ "$lost" = 0 ] && [ "$duplicated" -le 1 ] && [ "$acknowledged" -gt 0 ]
