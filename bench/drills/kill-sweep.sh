#!/usr/bin/env bash
# Drill: kill -9 during the deadline sweep (from the project root, after ./mvnw package).
#
#   bench/drills/kill-sweep.sh [overdue]        (default 3000 overdue requests)
#
# Two instances, a and b, on their own database ($DRILL_DB, default drill_sweep), both with the
# deadline sweep every 3 seconds and a short lock (dsr.deadline.sweep.lock-at-most-for, 30 s;
# ShedLock extends it while a sweep runs). Small batches (10 requests per transaction, one
# escalation mail per batch listing all ten) make the sweep take long enough to be cut. Then:
#   1. seeds the overdue requests with SQL, in one transaction (deadline 30 days ago, status
#      NEW, unassigned: each is escalated to the compliance officer, the first administrator,
#      who is given that role);
#   2. once a third of them have their escalation, kills the instance whose thread is in the
#      sweep (jcmd Thread.print) with kill -9;
#   3. the other instance's sweeps are skipped (logged) while the dead one's lock lasts, then
#      one takes the lock over and finishes; the drill measures when, from the kill, the
#      first new escalation is stored: it must be within the lock's at-most time plus one
#      sweep interval (and some slack for a loaded machine);
#   4. waits until no mail is queued (mail the killed instance had claimed waits for its claim
#      to run out, 10 minutes) and counts, per overdue request:
#   due         overdue requests seeded
#   stored      requests with their escalation notice stored (a unique constraint allows one)
#   mailed      requests named in at least one delivered escalation mail
#   duplicated  escalation mails delivered more than once (same Message-ID), and requests
#               named in two different escalation mails (the latter would be a defect)
#   lost        due but never mailed
# Passes with lost=0, at most one duplicate (one crash) and a takeover in time.
DRILL=kill-sweep
source "$(dirname "$0")/lib.sh"
overdue=${1:-3000}
lock_for=${LOCK_AT_MOST_FOR:-30}
fresh_database "${DRILL_DB:-drill_sweep}"
port_a=$(free_port); port_b=$(free_port)
start_sink
sweep_settings=(--dsr.deadline.sweep.cron="*/3 * * * * *" --dsr.deadline.sweep.lock-at-most-for="${lock_for}s"
  --dsr.deadline.sweep.batch-size=10 --dsr.deadline.sweep.max-items-per-mail=10
  --dsr.deadline.sweep.digest-hour=24 --logging.level.se.dsrdesk.system.ExclusiveJobs=info
  --logging.level.se.dsrdesk.request.reminder=info)
# The first migrates the empty database and creates the administrator; the second starts after.
start_instance a "$port_a" "${sweep_settings[@]}"; wait_healthy a "$port_a"
start_instance b "$port_b" "${sweep_settings[@]}"; wait_healthy b "$port_b"
log "two instances up in $(elapsed) s"

psql_db "$db" -c "insert into staff_user_role (staff_user_id, role)
  select id, 'COMPLIANCE_OFFICER' from staff_user where email = '$admin'"
psql_db "$db" <<SQL
begin;
insert into data_subject (name, email, email_key, preferred_language, created_at, updated_at)
select 'Drill ' || g, 'overdue-' || g || '@example.com', 'overdue-' || g || '@example.com', 'en', now(), now()
from generate_series(1, $overdue) g;
insert into dsr_request (reference, data_subject_id, type, channel, language, status, received_at, receipt_date,
  original_deadline, one_month_deadline, effective_deadline, internal_target, created_at, updated_at)
select 'DRILL-' || lpad(substring(s.email from 'overdue-([0-9]+)@'), 7, '0'), s.id, 'ACCESS', 'EMAIL', 'en', 'NEW',
  now() - interval '60 days', current_date - 60, current_date - 30, current_date - 30, current_date - 30,
  current_date - 40, now(), now()
from data_subject s where s.email like 'overdue-%';
commit;
SQL
seeded_at=$(date +%s)
log "$overdue overdue requests seeded"
notices() { psql_db "$db" -c "select count(*) from deadline_notice where kind = 'OVERDUE'"; }

# Wait for a third, then find the sweeping instance and kill it.
victim=
while [ -z "$victim" ]; do
  n=$(notices)
  [ "$n" -ge "$overdue" ] && fail "the sweep finished ($n notices) before it could be cut: seed more requests"
  if [ "$n" -ge $(( overdue / 3 )) ]; then
    for name in a b; do
      if jcmd "$(eval echo "\$pid_$name")" Thread.print 2>/dev/null | grep -q 'DeadlineSweep.sweep'; then
        victim=$name; break
      fi
    done
  fi
  [ $(( $(date +%s) - seeded_at )) -gt 300 ] && fail "no sweep started within 5 minutes ($n notices)"
  sleep 0.2
done
kill_hard "$victim"
killed_at=$(date +%s)
at_kill=$(notices)
survivor=$([ "$victim" = a ] && echo b || echo a)
log "kill -9 of instance $victim in its sweep, after $at_kill of $overdue escalations"

# The survivor takes the lock over once it expires.
takeover=
for _ in $(seq 1 600); do
  if [ "$(notices)" -gt "$at_kill" ]; then takeover=$(( $(date +%s) - killed_at )); break; fi
  sleep 0.5
done
[ -n "$takeover" ] || fail "no sweep took over within 5 minutes of the kill"
skipped=$(grep -c "'deadline-sweep' was skipped" "$tmp/$survivor.log" || true)
log "instance $survivor took over $takeover s after the kill (lock at most ${lock_for}s; $skipped skipped runs logged there)"
for _ in $(seq 1 300); do [ "$(notices)" -ge "$overdue" ] && break; sleep 1; done
log "all $(notices) escalations stored $(( $(date +%s) - killed_at )) s after the kill"

for _ in $(seq 1 "${QUEUE_TIMEOUT:-720}"); do
  [ "$(psql_db "$db" -c "select count(*) from correspondence where status = 'QUEUED'")" = 0 ] && break
  sleep 1
done
queued=$(psql_db "$db" -c "select count(*) from correspondence where status = 'QUEUED'")
failed=$(psql_db "$db" -c "select count(*) from correspondence where status = 'FAILED'")
stored=$(psql_db "$db" -c "select count(distinct n.request_id) from deadline_notice n join dsr_request r on r.id = n.request_id
  where n.kind = 'OVERDUE' and r.reference like 'DRILL-%'")
psql_db "$db" -c "select id from dsr_request where reference like 'DRILL-%'" >"$tmp/due-ids.txt"
read -r mailed duplicated doubled < <(python3 - "$mails" "$tmp/due-ids.txt" <<'PY'
import re, sys
due = set(open(sys.argv[2]).read().split())
deliveries, ids_of = {}, {}
current = None
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("=== MAIL "):
        current = line.rsplit(" id ", 1)[1].strip()
        deliveries[current] = deliveries.get(current, 0) + 1
        ids_of.setdefault(current, set())
    elif current:
        ids_of[current].update(i for i in re.findall(r"/staff/requests/(\d+)", line) if i in due)
named = {}
for message_id, ids in ids_of.items():
    for i in ids:
        named[i] = named.get(i, 0) + 1
mailed = len(named)
duplicated = sum(n - 1 for m, n in deliveries.items() if n > 1 and ids_of[m])
doubled = sum(1 for n in named.values() if n > 1)
print(mailed, duplicated, doubled)
PY
)
lost=$(( overdue - mailed ))
printf 'kill-sweep: due=%d stored=%d mailed=%d duplicated=%d lost=%d (named in two mails: %d; takeover %d s, lock at most %d s; queued=%d failed=%d; %d s)\n' \
  "$overdue" "$stored" "$mailed" "$duplicated" "$lost" "$doubled" "$takeover" "$lock_for" "$queued" "$failed" "$(elapsed)"
[ "$lost" = 0 ] && [ "$stored" = "$overdue" ] && [ "$duplicated" -le 1 ] && [ "$doubled" = 0 ] \
  && [ "$takeover" -le $(( lock_for + 3 + ${TAKEOVER_SLACK:-15} )) ]
