#!/usr/bin/env bash
# Drill: PostgreSQL restarted under load (from the project root, after ./mvnw package).
#
#   bench/drills/pg-restart.sh [seconds]        (default 60 seconds of load)
#
# The machine's PostgreSQL is shared and never restarted: the drill makes a private cluster of
# its own under a temporary directory (initdb, as the postgres user when run as root) on a free
# port, and restarts that one. One instance on it, mail to the SMTP sink. For the given time:
#   - two clients submit the public form, each form from a new address;
#   - two clients register requests through the API (POST /api/v1/requests) with an
#     Idempotency-Key each, and retry with the same key, once a second, until they get 201
#     (a client that got no answer, or 503, does not know whether it was stored);
# meanwhile PostgreSQL is restarted twice: at a third of the time with pg_ctl restart -m fast
# (sessions cut off), at two thirds with -m immediate (a crash and recovery). Afterwards it
# counts:
#   acknowledged  forms answered 302, API calls answered 201 (in the end)
#   stored        requests stored for those addresses
#   mailed        confirmation mails delivered for the forms
#   duplicated    a form's address or an API call's address stored more than once (must not
#                 happen), or a confirmation mail delivered more than once (at most one per
#                 restart: sent, and the restart cut off its marking as sent)
#   lost          acknowledged but not stored, or a form stored but never mailed
# and how many answers were 5xx (503 is the documented "try again"; 500 must not happen).
DRILL=pg-restart
source "$(dirname "$0")/lib.sh"
seconds=${1:-60}
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
DRILL_PG_PORT=$(free_port)
pgdir=$(mktemp -d /tmp/drill-pg.XXXXXX)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_ctl_() { as_postgres "$pg_bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" "$@"; }
stop_pg() { pg_ctl_ stop -m immediate >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
cleanup_hooks+=(stop_pg)
[ "$(id -u)" = 0 ] && chown postgres "$pgdir"
as_postgres "$pg_bin/initdb" -D "$pgdir/data" -U postgres -A trust >"$tmp/initdb.log" 2>&1 || { cat "$tmp/initdb.log"; fail "initdb"; }
pg_options="-p $DRILL_PG_PORT -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off"
pg_ctl_ -o "$pg_options" -w start >/dev/null
log "private PostgreSQL on port $DRILL_PG_PORT"
fresh_database drill_pg

port=$(free_port)
base="http://127.0.0.1:$port"
start_sink
start_instance app "$port" --dsr.intake.submits-per-hour=100000
wait_healthy app "$port"
log "instance up in $(elapsed) s"

# An API token for the administrator, who also takes cases (registering is for case handlers).
wait_admin
token="dsr_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
psql_db "$db" -c "insert into staff_user_role (staff_user_id, role) select id, 'CASE_HANDLER' from staff_user where email = '$admin' on conflict do nothing" \
  -c "insert into api_token (staff_user_id, name, token_prefix, token_hash, created_at)
      select id, 'drill', '${token:0:12}', '$(printf %s "$token" | sha256sum | cut -d' ' -f1)', now() from staff_user where email = '$admin'"

until_time=$(( $(date +%s) + seconds ))
touch "$tmp/forms.txt" "$tmp/api.txt" "$tmp/answers.txt"
form_client() {
  local n=$1 email status
  while [ "$(date +%s)" -lt "$until_time" ]; do
    email="form-$n-$RANDOM$RANDOM@example.com"
    status=$(submit_form "$base" "$n" "$email")
    echo "$status" >>"$tmp/answers.txt"
    if [ "$status" = down ]; then sleep 0.5; continue; fi
    echo "$email $status" >>"$tmp/forms.txt"
    n=$((n + 2))
  done
}
api_client() {
  local n=$1 email key status tries
  while [ "$(date +%s)" -lt "$until_time" ]; do
    email="api-$n-$RANDOM$RANDOM@example.com"
    key=$(cat /proc/sys/kernel/random/uuid)
    tries=0
    while true; do
      tries=$((tries + 1))
      status=$(curl -s -m 20 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H "Idempotency-Key: $key" \
        -H 'Content-Type: application/json' \
        -d "{\"type\":\"ACCESS\",\"subjectName\":\"Drill $n\",\"subjectEmail\":\"$email\",\"channel\":\"EMAIL\",\"language\":\"en\"}" \
        "$base/api/v1/requests" || true)
      echo "${status:-000}" >>"$tmp/answers.txt"
      case "$status" in 201|4??) break ;; esac
      [ "$tries" -ge 120 ] && break
      sleep 1
    done
    echo "$email ${status:-000} $tries" >>"$tmp/api.txt"
    n=$((n + 2))
  done
}
clients=()
form_client 1 & clients+=($!)
form_client 2 & clients+=($!)
api_client 1 & clients+=($!)
api_client 2 & clients+=($!)
sleep $(( seconds / 3 ))
log "restart 1: pg_ctl restart -m fast after $(wc -l <"$tmp/answers.txt") answers"
pg_ctl_ -o "$pg_options" -w -m fast restart >/dev/null
sleep $(( seconds / 3 ))
log "restart 2: pg_ctl restart -m immediate after $(wc -l <"$tmp/answers.txt") answers"
pg_ctl_ -o "$pg_options" -w -m immediate restart >/dev/null
for pid in "${clients[@]}"; do wait "$pid" || true; done
log "load over after $(wc -l <"$tmp/answers.txt") answers"

drained=$(queue_drained "${QUEUE_TIMEOUT:-720}")
queued=$(psql_db "$db" -c "select count(*) from correspondence where status = 'QUEUED'")

acknowledged=0; stored=0; mailed=0; duplicated=0; stored_twice=0; lost=0
while read -r email status; do
  s=$(psql_db "$db" -c "select count(*) from dsr_request r join data_subject d on d.id = r.data_subject_id where d.email = '$email'")
  m=$(mails_to "$email")
  [ "$status" = 302 ] && acknowledged=$((acknowledged + 1))
  [ "$s" -ge 1 ] && stored=$((stored + 1))
  [ "$m" -ge 1 ] && mailed=$((mailed + 1))
  [ "$s" -gt 1 ] && stored_twice=$((stored_twice + s - 1))
  [ "$m" -gt 1 ] && duplicated=$((duplicated + m - 1))
  if [ "$status" = 302 ] && { [ "$s" -lt 1 ] || [ "$m" -lt 1 ]; }; then lost=$((lost + 1)); fi
  if [ "$status" != 302 ] && [ "$s" -ge 1 ] && [ "$m" -lt 1 ]; then lost=$((lost + 1)); fi
done <"$tmp/forms.txt"
forms=$(wc -l <"$tmp/forms.txt")
api_acknowledged=0; api_retried=0
while read -r email status tries; do
  s=$(psql_db "$db" -c "select count(*) from dsr_request r join data_subject d on d.id = r.data_subject_id where d.email = '$email'")
  [ "$status" = 201 ] && api_acknowledged=$((api_acknowledged + 1))
  [ "$tries" -gt 1 ] && api_retried=$((api_retried + 1))
  [ "$s" -ge 1 ] && stored=$((stored + 1))
  [ "$s" -gt 1 ] && stored_twice=$((stored_twice + s - 1))
  if [ "$status" = 201 ] && [ "$s" -lt 1 ]; then lost=$((lost + 1)); fi
done <"$tmp/api.txt"
calls=$(wc -l <"$tmp/api.txt")
acknowledged=$((acknowledged + api_acknowledged))
duplicated=$((duplicated + stored_twice))
answers=$(sort "$tmp/answers.txt" | uniq -c | sort -rn | awk '{printf "%s%s:%s", sep, $2, $1; sep=" "}')
printf 'pg-restart: forms=%d api=%d (retried %d) acknowledged=%d stored=%d mailed=%d duplicated=%d lost=%d queued=%d; answers %s (%d s)\n' \
  "$forms" "$calls" "$api_retried" "$acknowledged" "$stored" "$mailed" "$duplicated" "$lost" "$queued" "$answers" "$(elapsed)"
# Nothing stored twice; a mail sent again at most once per restart (sent, then the restart cut
# off the marking).
[ "$lost" = 0 ] && [ "$stored_twice" = 0 ] && [ "$duplicated" -le 2 ] && ! grep -q '^500$' "$tmp/answers.txt" && [ "$acknowledged" -gt 0 ]
