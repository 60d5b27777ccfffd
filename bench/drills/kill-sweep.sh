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
#      one takes the lock over and finishes; the drill reads ShedLock's row (database time):
#      the dead lock must run out within the at-most time of the kill (it was kept alive
#      until then) and be taken over within one sweep interval of running out (plus 15 s of
#      slack for a loaded machine);
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

seed_overdue "$overdue"
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
# In the database's time (ShedLock uses it): when the dead instance's lock runs out.
read -r killed_db held < <(psql_db "$db" -F ' ' -c "select extract(epoch from now())::bigint,
  extract(epoch from lock_until - now())::int from shedlock where name = 'deadline-sweep'")
log "kill -9 of instance $victim in its sweep, after $at_kill of $overdue escalations; its lock runs $held s more"

# The survivor takes the lock over once it expires.
takeover=
for _ in $(seq 1 600); do
  locked_at=$(psql_db "$db" -c "select extract(epoch from locked_at)::bigint from shedlock where name = 'deadline-sweep'")
  if [ "$locked_at" -gt "$killed_db" ]; then takeover=$(( locked_at - killed_db )); break; fi
  sleep 0.5
done
[ -n "$takeover" ] || fail "no sweep took the lock over within 5 minutes of the kill"
skipped=$(grep -c "'deadline-sweep' was skipped" "$tmp/$survivor.log" || true)
log "instance $survivor took the lock over $takeover s after the kill (the dead lock ran $held s more; lock at most ${lock_for}s, kept alive meanwhile; $skipped skipped runs logged there)"
for _ in $(seq 1 300); do [ "$(notices)" -ge "$overdue" ] && break; sleep 1; done
log "all $(notices) escalations stored $(( $(date +%s) - killed_at )) s after the kill"

drained=$(queue_drained "${QUEUE_TIMEOUT:-720}")
queued=$(psql_db "$db" -c "select count(*) from correspondence where status = 'QUEUED'")
failed=$(psql_db "$db" -c "select count(*) from correspondence where status = 'FAILED'")
stored=$(psql_db "$db" -c "select count(distinct n.request_id) from deadline_notice n join dsr_request r on r.id = n.request_id
  where n.kind = 'OVERDUE' and r.reference like 'DRILL-%'")
read -r mailed duplicated doubled < <(escalations_mailed)
lost=$(( overdue - mailed ))
printf 'kill-sweep: due=%d stored=%d mailed=%d duplicated=%d lost=%d (named in two mails: %d; lock taken over %d s after the kill, %d s after it ran out, lock at most %d s; queued=%d failed=%d, queue drained %d s after the last escalation; %d s)\n' \
  "$overdue" "$stored" "$mailed" "$duplicated" "$lost" "$doubled" "$takeover" "$(( takeover - held ))" "$lock_for" "$queued" "$failed" "$drained" "$(elapsed)"
[ "$lost" = 0 ] && [ "$stored" = "$overdue" ] && [ "$duplicated" -le 1 ] && [ "$doubled" = 0 ] \
  && [ "$takeover" -le $(( held + 3 + ${TAKEOVER_SLACK:-15} )) ] && [ "$held" -le "$lock_for" ]
