#!/usr/bin/env bash
# Two instances of DSR Desk behind HAProxy, one killed mid-journey (run by .ci/run after Maven).
#
#   bench/drills/two-instances.sh            (from the project root, after ./mvnw package or verify)
#
# Starts two instances of the packaged jar on their own PostgreSQL database ($LB_DB, default
# test_lb, dropped and created afresh), a small SMTP sink and HAProxy in front: round-robin,
# with a cookie (SRV) that keeps a signed-in staff member on one instance (staff sessions are
# shared through the database, so the cookie only saves work). Then:
#   1. staff journey, part 1: sign in through the balancer with password and the second factor
#      (a code by email, read from the SMTP sink: administrators must use one by default),
#      open the inbox;
#   2. public journey, part 1: the public form, submitted without the SRV cookie, so its GET and
#      POST go round-robin (the CSRF token is a cookie, so either instance accepts it);
#   3. kill -9 the instance that holds the staff session;
#   4. staff journey, part 2: add a note to the new request. HAProxy sends the call to the other
#      instance (option redispatch). The session is shared, so the note is expected at once; if
#      it is refused (sign-in page or 403) the script says so, signs in again and adds it;
#   5. public journey, part 2: the confirmation mail (queued in the database, sent by whichever
#      instance is alive), its link opened through the balancer, the request confirmed.
# It checks nothing was lost: one request, confirmed; one note; the confirmation mail delivered
# (a duplicate is reported, not failed: a crash may re-send a mail that was sent but not yet
# marked sent). Exit 0 when all holds. Prints acknowledged / stored / mailed / duplicated / lost.
DRILL=two-instances
source "$(dirname "$0")/lib.sh"

command -v haproxy >/dev/null || fail "haproxy is not installed (apt-get install haproxy)"
port_a=$(free_port); port_b=$(free_port); port_lb=$(free_port)
fresh_database "${LB_DB:-test_lb}"
start_sink
# Links in mail lead to the balancer.
lb_settings=(--dsr.mail.base-url="http://127.0.0.1:$port_lb")
started=$(date +%s)
# The first migrates the empty database; the second starts once it is up (Flyway would wait for
# the lock anyway, but the first admin is created only once).
start_instance a "$port_a" "${lb_settings[@]}"; wait_healthy a "$port_a"
start_instance b "$port_b" "${lb_settings[@]}"; wait_healthy b "$port_b"
log "two instances up on $port_a and $port_b in $(( $(date +%s) - started )) s"
# The first administrator takes cases here (notes are for case handlers): it has every role by
# default (dsr.admin.roles); the insert only makes sure when that setting is narrower.
wait_admin
psql_db "$db" -c "insert into staff_user_role (staff_user_id, role) select id, 'CASE_HANDLER' from staff_user where email = '$admin' on conflict do nothing"

cat >"$tmp/haproxy.cfg" <<CFG
global
  maxconn 256
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  retries 3
  option redispatch
frontend dsr
  bind 127.0.0.1:$port_lb
  default_backend app
backend app
  balance roundrobin
  option httpchk GET /actuator/health
  cookie SRV insert indirect nocache httponly
  server a 127.0.0.1:$port_a check inter 1s fall 2 rise 2 cookie a
  server b 127.0.0.1:$port_b check inter 1s fall 2 rise 2 cookie b
CFG
haproxy -f "$tmp/haproxy.cfg" -db >"$tmp/haproxy.log" 2>&1 & pids+=($!)
lb="http://127.0.0.1:$port_lb"
for _ in $(seq 1 30); do curl -fs "$lb/actuator/health" >/dev/null 2>&1 && break; sleep 1; done

csrf_of() { grep -o 'name="_csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//;s/"$//'; }
served_by=()
# Round-robin check: without the cookie, consecutive calls reach both instances.
for _ in 1 2 3 4; do
  served_by+=("$(curl -fs -D - -o /dev/null "$lb/login" | grep -io 'SRV=[ab]' | head -1)")
done
log "public calls without the cookie were served by: ${served_by[*]}"
case "${served_by[*]}" in *a*b*|*b*a*) ;; *) echo "round-robin did not reach both instances" >&2; exit 1 ;; esac

# 1. Staff: sign in, open the inbox (sticky cookie).
staff="$tmp/staff.cookies"
# Password, then the second factor: ask for a code by email, read it from the sink, type it.
sign_in() {
  rm -f "$staff"
  curl -fs -c "$staff" -b "$staff" "$lb/login" -o "$tmp/login.html"
  local status
  status=$(curl -s -c "$staff" -b "$staff" -o /dev/null -w '%{http_code}' --data-urlencode "email=$admin" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$(csrf_of "$tmp/login.html")" "$lb/login")
  [ "$status" = 302 ] || { echo "password $status"; return; }
  curl -s -c "$staff" -b "$staff" -o "$tmp/factor.html" "$lb/staff/sign-in/second-factor"
  if ! grep -q 'second-factor/email' "$tmp/factor.html"; then echo 302; return; fi
  local before
  before=$(grep -c "^=== MAIL .*$admin" "$mails" || true)
  status=$(curl -s -c "$staff" -b "$staff" -o /dev/null -w '%{http_code}' \
    --data-urlencode "_csrf=$(csrf_of "$tmp/factor.html")" "$lb/staff/sign-in/second-factor/email")
  [ "$status" = 302 ] || { echo "code request $status"; return; }
  local code=
  for _ in $(seq 1 30); do
    if [ "$(grep -c "^=== MAIL .*$admin" "$mails" || true)" -gt "$before" ]; then
      code=$(awk -v who="$admin" '/^=== MAIL /{mine = index($0, who) > 0; next} mine' "$mails" \
        | grep -oE '\b[A-Z2-9]{4}-[A-Z2-9]{4}\b' | tail -1)
      break
    fi
    sleep 1
  done
  [ -n "$code" ] || { echo "no code mailed"; return; }
  curl -s -c "$staff" -b "$staff" -o "$tmp/factor.html" "$lb/staff/sign-in/second-factor?sent"
  curl -s -c "$staff" -b "$staff" -o /dev/null -w '%{http_code}' --data-urlencode "token=$code" \
    --data-urlencode "_csrf=$(csrf_of "$tmp/factor.html")" "$lb/staff/sign-in/second-factor/code"
}
answer=$(sign_in)
[ "$answer" = 302 ] || { echo "staff sign-in failed: $answer" >&2; exit 1; }
staff_server=$(awk '$6 == "SRV" {print $7}' "$staff")
[ "$(curl -s -b "$staff" -c "$staff" -o "$tmp/inbox.html" -w '%{http_code}' "$lb/staff/requests")" = 200 ] \
  || { echo "inbox did not open" >&2; exit 1; }
log "staff signed in on instance $staff_server, inbox open"

# 2. Public: the form, round-robin (the SRV cookie dropped before each call).
person="$tmp/person.cookies"
email="drill-$(date +%s%N)@example.com"
drop_srv() { [ -f "$person" ] && sed -i '/\tSRV\t/d' "$person" || true; }
drop_srv; curl -fs -c "$person" -b "$person" "$lb/request" -o "$tmp/form.html"
drop_srv
status=$(curl -s -c "$person" -b "$person" -o /dev/null -w '%{http_code}' \
  --data-urlencode "_csrf=$(csrf_of "$tmp/form.html")" -d type=ACCESS --data-urlencode "name=Drill Person" \
  --data-urlencode "email=$email" -d phone= -d relationship=CUSTOMER -d language=en -d description= \
  -d truthful=true -d website= "$lb/request")
[ "$status" = 302 ] || { echo "public form answered $status" >&2; exit 1; }
acknowledged=1
log "public form acknowledged (302)"

# 3. Kill the staff member's instance, hard.
victim_pid=$(eval echo "\$pid_$staff_server")
kill -9 "$victim_pid"; wait "$victim_pid" 2>/dev/null || true
log "killed instance $staff_server (kill -9)"

# 4. Staff: a note on the new request, on whichever instance is left.
request_id=$(psql_db "$db" -c "select r.id from dsr_request r join data_subject s on s.id = r.data_subject_id where s.email = '$email'")
[ -n "$request_id" ] || { echo "the acknowledged request is not stored" >&2; exit 1; }
add_note() {
  curl -s -b "$staff" -c "$staff" -o "$tmp/page.html" "$lb/staff/requests/$request_id"
  curl -s -b "$staff" -c "$staff" -o /dev/null -w '%{http_code} %{redirect_url}' \
    --data-urlencode "_csrf=$(csrf_of "$tmp/page.html")" --data-urlencode "noteText=Called the person (drill)." \
    "$lb/staff/requests/$request_id/notes"
}
answer=$(add_note)
case "$answer" in
  "302 "*"/staff/requests/$request_id"*) log "note added at once: the session survived the instance (shared sessions)" ;;
  *)
    log "note refused after failover ($answer): the session did not survive the instance, signing in again"
    answer=$(sign_in)
    [ "$answer" = 302 ] || { echo "second sign-in failed: $answer" >&2; exit 1; }
    answer=$(add_note)
    case "$answer" in "302 "*) ;; *) echo "note after sign-in answered $answer" >&2; exit 1 ;; esac
    ;;
esac

# 5. Public: the confirmation mail, sent by the instance left, and its link. If the killed
# instance had claimed the mail but not sent it, the other sends it once the claim runs out
# (MailDispatcher.CLAIM, 10 minutes): on a loaded machine that happened (December 2026).
link=
mail_wait_started=$(date +%s)
for _ in $(seq 1 "${MAIL_TIMEOUT:-660}"); do
  link=$(grep -o "http://127.0.0.1:$port_lb/request/confirm?token=[A-Za-z0-9_-]*" "$mails" | head -1 || true)
  [ -n "$link" ] && break
  sleep 1
done
[ -n "$link" ] || { echo "no confirmation mail arrived" >&2; exit 1; }
log "confirmation mail there after $(( $(date +%s) - mail_wait_started )) s of waiting"
drop_srv; curl -fs -c "$person" -b "$person" "$link" -o "$tmp/confirm.html"
token=${link##*token=}
drop_srv
status=$(curl -s -c "$person" -b "$person" -o /dev/null -w '%{http_code}' \
  --data-urlencode "_csrf=$(csrf_of "$tmp/confirm.html")" --data-urlencode "token=$token" "$lb/request/confirm")
[ "$status" = 302 ] || { echo "confirming answered $status" >&2; exit 1; }

# Nothing lost?
stored=$(psql_db "$db" -c "select count(*) from dsr_request r join data_subject s on s.id = r.data_subject_id where s.email = '$email'")
state=$(psql_db "$db" -c "select status from dsr_request where id = $request_id")
notes=$(psql_db "$db" -c "select count(*) from request_note where request_id = $request_id")
mailed=$(grep -c "^=== MAIL .*$email" "$mails" || true)
duplicated=$(( mailed > 1 ? mailed - 1 : 0 ))
lost=$(( acknowledged - stored + (notes == 1 ? 0 : 1) + (mailed >= 1 ? 0 : 1) ))
printf 'two-instances: acknowledged=%d stored=%d status=%s notes=%d mailed=%d duplicated=%d lost=%d (%d s)\n' \
  "$acknowledged" "$stored" "$state" "$notes" "$mailed" "$duplicated" "$lost" "$(( $(date +%s) - started ))"
[ "$stored" = 1 ] && [ "$state" = NEW ] && [ "$notes" = 1 ] && [ "$mailed" -ge 1 ] && [ "$lost" = 0 ]
