# Shared shell of the drills: sourced, never run. Each drill sets DRILL (its name, for the log
# prefix) and sources this file:
#
#   DRILL=smtp-outage; source "$(dirname "$0")/lib.sh"
#
# It moves to the project root, makes a temporary directory ($tmp, removed at exit unless
# KEEP_LOGS=1), kills at exit every process the drill started (listed in $pids) and drops the
# drill's database ($db). The database server is the machine's PostgreSQL on 127.0.0.1:5432
# unless DRILL_PG_PORT (and DRILL_PG_SOCKET, a socket directory) say otherwise.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DRILL_PG_PORT=${DRILL_PG_PORT:-5432}
tmp=$(mktemp -d)
pids=()
db=${db:-}
cleanup_hooks=()
# The JVM of an instance: small heap, quick start (the drills measure loss, not speed).
DRILL_JAVA_OPTS=${DRILL_JAVA_OPTS:--Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}

log() { printf '[%s] %s\n' "$DRILL" "$*"; }
fail() { printf '[%s] FAILED: %s\n' "$DRILL" "$*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
psql_db() { psql -h 127.0.0.1 -p "$DRILL_PG_PORT" -U postgres -d "$1" -v ON_ERROR_STOP=1 -qAt "${@:2}"; }
elapsed() { echo $(( $(date +%s) - started )); }
started=$(date +%s)

cleanup() {
  local status=$?
  for hook in "${cleanup_hooks[@]}"; do "$hook" || true; done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$db" ]; then psql_db postgres -c "drop database if exists $db" >/dev/null 2>&1 || true; fi
  if [ "${KEEP_LOGS:-0}" = 1 ] || [ "$status" != 0 ]; then log "logs kept in $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

jar=${DRILL_JAR:-$(ls target/dsr-desk-*.jar 2>/dev/null | grep -v plain | head -1 || true)}
[ -n "$jar" ] || fail "no packaged jar under target/: run ./mvnw package first (or set DRILL_JAR)"

# A fresh database for the drill, dropped at exit.
fresh_database() {
  db=$1
  psql_db postgres -c "drop database if exists $db" -c "create database $db"
}

# The SMTP sink (smtp_sink.py): every mail is appended to $mails. start_sink/stop_sink keep its
# port, so an outage is the sink stopped and started again.
port_smtp=$(free_port)
mails="$tmp/mails.txt"
touch "$mails"
sink=
start_sink() {
  python3 bench/drills/smtp_sink.py "$port_smtp" "$mails" &
  sink=$!
  pids+=("$sink")
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port_smtp") 2>/dev/null && return 0; sleep 0.1; done
  fail "the SMTP sink did not start"
}
stop_sink() {
  [ -n "$sink" ] || return 0
  kill "$sink" 2>/dev/null || true
  wait "$sink" 2>/dev/null || true
  sink=
}

# One key for the link secrets of queued mail, shared by every instance of the drill, so that
# mail queued by one is sent by another, or by a restarted one (dsr.mail.secrets-key).
secrets_key=$(head -c 32 /dev/urandom | base64)
admin=admin@example.com
password=drill-password-2026

# start_instance NAME PORT [--more=settings ...]: one instance of the jar on $db, mail to the
# sink, every schedule off unless the extra settings turn one on (a setting given twice on the
# command line would be joined with a comma, so an extra setting replaces the default). Its pid
# is in pid_NAME, its log in $tmp/NAME.log (appended to when it is started again).
start_instance() {
  local name=$1 port=$2 setting key
  shift 2
  local defaults=(--spring.profiles.active=postgres
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$DRILL_PG_PORT/$db" --spring.datasource.username=postgres
    --spring.datasource.password= --server.port="$port" --dsr.data-dir="$tmp/$name"
    --dsr.admin.email="$admin" --dsr.admin.password="$password" --dsr.mail.secrets-key="$secrets_key"
    --spring.mail.host=127.0.0.1 --spring.mail.port="$port_smtp" --dsr.mail.dispatch.interval=2s
    --dsr.deadline.sweep.cron=- --dsr.deadline.sweep.run-at-startup=false
    --dsr.locations.sweep.cron=- --dsr.locations.sweep.run-at-startup=false --dsr.intake.sweep.cron=-
    --logging.level.root=warn)
  local settings=()
  for setting in "${defaults[@]}"; do
    key=${setting%%=*}
    case " ${*%%=*} " in *" $key "*) ;; *) settings+=("$setting") ;; esac
  done
  mkdir -p "$tmp/$name"
  # shellcheck disable=SC2086
  java $DRILL_JAVA_OPTS -jar "$jar" "${settings[@]}" "$@" >>"$tmp/$name.log" 2>&1 &
  pids+=($!)
  eval "pid_$name=$!"
}
wait_healthy() {
  local name=$1 port=$2
  for _ in $(seq 1 "${START_TIMEOUT:-900}"); do
    curl -fs -m 5 "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$(eval echo "\$pid_$name")" 2>/dev/null || { tail -50 "$tmp/$name.log" >&2; fail "instance $name died"; }
    sleep 1
  done
  tail -50 "$tmp/$name.log" >&2
  fail "instance $name did not become healthy"
}
# The first administrator is created once the application has started (an ApplicationRunner):
# health answers before that, so a drill that needs the account waits for it.
wait_admin() {
  for _ in $(seq 1 300); do
    [ "$(psql_db "$db" -c "select count(*) from staff_user where email = '$admin'")" = 1 ] && return 0
    sleep 1
  done
  fail "the first administrator was not created"
}
kill_hard() {
  local name=$1 pid
  pid=$(eval echo "\$pid_$name")
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

csrf_of() { grep -o 'name="_csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//;s/"$//'; }

# submit_form BASE_URL N EMAIL: one person fills in the public form (GET, then POST with the
# CSRF token); prints the POST's status (000 when no answer came), or "down" when the form page
# did not open (nothing was sent).
submit_form() {
  local base=$1 n=$2 email=$3 cookies token status
  cookies=$(mktemp -p "$tmp")
  token=$(curl -s -m 20 -c "$cookies" -b "$cookies" "$base/request" | grep -o 'name="_csrf" value="[^"]*"' \
    | head -1 | sed 's/.*value="//;s/"$//' || true)
  if [ -z "$token" ]; then rm -f "$cookies"; echo down; return; fi
  status=$(curl -s -m 20 -c "$cookies" -b "$cookies" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$token" \
    -d type=ACCESS --data-urlencode "name=Drill $n" --data-urlencode "email=$email" -d phone= -d relationship=CUSTOMER \
    -d language=en -d description= -d truthful=true -d website= "$base/request" || true)
  rm -f "$cookies"
  echo "${status:-000}"
}

# Mails delivered to an address, and mails delivered more than once (the same Message-ID).
mails_to() { grep -c "^=== MAIL .* to <\?$1>\? " "$mails" || true; }
duplicate_mails() {
  grep -o ' id <[^>]*>$' "$mails" | sort | uniq -c | awk '$1 > 1 {d += $1 - 1} END {print d + 0}'
}

# seed_overdue N: N open requests (status NEW, unassigned) whose deadline passed 30 days ago,
# stored in one transaction, references DRILL-0000001 ...; the first administrator is made
# compliance officer, to whom the sweep escalates unassigned overdue requests.
seed_overdue() {
  wait_admin
  psql_db "$db" -c "insert into staff_user_role (staff_user_id, role)
    select id, 'COMPLIANCE_OFFICER' from staff_user where email = '$admin'
    and not exists (select 1 from staff_user_role r where r.staff_user_id = staff_user.id and r.role = 'COMPLIANCE_OFFICER')"
  psql_db "$db" <<SQL
begin;
insert into data_subject (name, email, email_key, preferred_language, created_at, updated_at)
select 'Drill ' || g, 'overdue-' || g || '@example.com', 'overdue-' || g || '@example.com', 'en', now(), now()
from generate_series(1, $1) g;
insert into dsr_request (reference, data_subject_id, type, channel, language, status, received_at, receipt_date,
  original_deadline, one_month_deadline, effective_deadline, internal_target, created_at, updated_at)
select 'DRILL-' || lpad(substring(s.email from 'overdue-([0-9]+)@'), 7, '0'), s.id, 'ACCESS', 'EMAIL', 'en', 'NEW',
  now() - interval '60 days', current_date - 60, current_date - 30, current_date - 30, current_date - 30,
  current_date - 40, now(), now()
from data_subject s where s.email like 'overdue-%';
commit;
SQL
}

# escalations_mailed: for the seeded overdue requests, prints "mailed duplicated doubled":
# requests named in at least one delivered mail, mails delivered more than once (same
# Message-ID) that name any of them, and requests named in two different mails.
escalations_mailed() {
  psql_db "$db" -c "select id from dsr_request where reference like 'DRILL-%'" >"$tmp/due-ids.txt"
  python3 - "$mails" "$tmp/due-ids.txt" <<'PY'
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
for ids in ids_of.values():
    for i in ids:
        named[i] = named.get(i, 0) + 1
duplicated = sum(n - 1 for m, n in deliveries.items() if n > 1 and ids_of[m])
print(len(named), duplicated, sum(1 for n in named.values() if n > 1))
PY
}

# queue_drained [seconds]: waits until no mail is queued (sent or given up); prints how long
# it waited.
queue_drained() {
  local from now
  from=$(date +%s)
  for _ in $(seq 1 "${1:-720}"); do
    [ "$(psql_db "$db" -c "select count(*) from correspondence where status = 'QUEUED'")" = 0 ] && break
    sleep 1
  done
  echo $(( $(date +%s) - from ))
}
