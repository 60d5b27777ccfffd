#!/usr/bin/env bash
# Drill: kill -9 during intake (from the project root, after ./mvnw package).
#
#   bench/drills/kill-intake.sh [forms]        (default 40; the public form allows 60 an hour per address)
#
# One instance on its own database ($DRILL_DB, default drill_intake), mail to a local SMTP sink.
# Four clients submit the public form in parallel; after a third of the forms the instance is
# killed with kill -9, then started again. Afterwards it counts, per address that was submitted:
#   acknowledged  the form answered 302 (the person saw "check your mail")
#   stored        a request exists for the address
#   mailed        the confirmation mail arrived (sent before the crash or by the restarted instance)
#   duplicated    confirmation mails beyond the first for one address
#   lost          acknowledged but not stored, or stored but never mailed
# A form cut off by the crash was not acknowledged; whether it was stored depends on whether
# its commit came first: both are fine, as long as nothing acknowledged is lost.
set -euo pipefail
cd "$(dirname "$0")/../.."
forms=${1:-40}
db=${DRILL_DB:-drill_intake}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port); port_smtp=$(free_port)
tmp=$(mktemp -d); mails="$tmp/mails.txt"; pids=(); app=
psql_db() { psql -h 127.0.0.1 -U postgres -d "$1" -v ON_ERROR_STOP=1 -qAt "${@:2}"; }
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"; psql_db postgres -c "drop database if exists $db" >/dev/null 2>&1 || true
}
trap cleanup EXIT
jar=${DRILL_JAR:-$(ls target/dsr-desk-*.jar | grep -v plain | head -1)}
psql_db postgres -c "drop database if exists $db" -c "create database $db"
python3 bench/drills/smtp_sink.py "$port_smtp" "$mails" & pids+=($!)
key=$(head -c 32 /dev/urandom | base64)
start() {
  java -Xmx384m -jar "$jar" --spring.profiles.active=postgres \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.datasource.username=postgres \
    --spring.datasource.password= --server.port="$port" --dsr.data-dir="$tmp/data" --dsr.mail.secrets-key="$key" \
    --dsr.admin.email=admin@example.com --dsr.admin.password=drill-password-2026 \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$port_smtp" --dsr.mail.dispatch.interval=2s \
    --dsr.deadline.sweep.cron=- --dsr.deadline.sweep.run-at-startup=false --dsr.locations.sweep.cron=- \
    --dsr.locations.sweep.run-at-startup=false --dsr.intake.sweep.cron=- --logging.level.root=warn \
    >>"$tmp/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return; sleep 1; done
  tail -50 "$tmp/app.log" >&2; exit 1
}
start
submit() {  # one person: the form page, then the form; prints "<email> <status>"
  local n=$1 jar="$tmp/c$1" email="drill-$1-$RANDOM@example.com" token status
  token=$(curl -s -m 20 -c "$jar" -b "$jar" "http://127.0.0.1:$port/request" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//' || true)
  status=$(curl -s -m 20 -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$token" \
    -d type=ACCESS --data-urlencode "name=Drill $n" --data-urlencode "email=$email" -d phone= -d relationship=CUSTOMER \
    -d language=en -d description= -d truthful=true -d website= "http://127.0.0.1:$port/request" || true)
  echo "$email ${status:-000}"
}
export -f submit; export port tmp
started=$(date +%s)
seq 1 "$forms" | xargs -P 4 -I{} bash -c 'submit {}' >"$tmp/results.txt" &
feeder=$!
while [ "$(wc -l <"$tmp/results.txt")" -lt $(( forms / 3 )) ]; do sleep 0.2; done
kill -9 "$app"; wait "$app" 2>/dev/null || true; app=
echo "kill -9 after $(wc -l <"$tmp/results.txt") of $forms forms"
wait "$feeder" || true
start
sleep 10   # the dispatcher's first rounds after the restart
acknowledged=0; stored=0; mailed=0; duplicated=0; lost=0
while read -r email status; do
  s=$(psql_db "$db" -c "select count(*) from data_subject where email = '$email'")
  m=$(grep -c "^=== MAIL .*$email" "$mails" || true)
  [ "$status" = 302 ] && acknowledged=$((acknowledged + 1))
  [ "$s" -ge 1 ] && stored=$((stored + 1))
  [ "$m" -ge 1 ] && mailed=$((mailed + 1))
  [ "$m" -gt 1 ] && duplicated=$((duplicated + m - 1))
  if [ "$status" = 302 ] && { [ "$s" -lt 1 ] || [ "$m" -lt 1 ]; }; then lost=$((lost + 1)); fi
  if [ "$status" != 302 ] && [ "$s" -ge 1 ] && [ "$m" -lt 1 ]; then lost=$((lost + 1)); fi
done <"$tmp/results.txt"
printf 'kill-intake: forms=%d acknowledged=%d stored=%d mailed=%d duplicated=%d lost=%d (%d s)\n' \
  "$forms" "$acknowledged" "$stored" "$mailed" "$duplicated" "$lost" "$(( $(date +%s) - started ))"
[ "$lost" = 0 ]
