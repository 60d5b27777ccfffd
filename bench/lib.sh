# Shared by the benchmarks under bench/. Source it from the project root after setting db (a
# database the run may drop), port, admin and password. It gives:
#   psql_db DB ARGS...   psql as postgres on 127.0.0.1: quiet, unaligned, stopping at an error;
#   bench_prepare        the database afresh, the packaged application ($jar), a temporary
#                        directory for the run's files ($bench_tmp), and a trap that at exit stops
#                        the application, removes $bench_tmp and drops the database;
#   bench_start_app [JVM options]   the application against $db on $port (sweeps and mail polling
#                        off, the first admin $admin/$password, no second factor: the benches
#                        time pages, not sign-in), waiting until it is healthy;
#                        default -Xmx512m; its pid in $app, its output in $bench_tmp/app.log;
#                        waits BENCH_START_SECONDS (default 120) for it to be healthy;
#   bench_stop_app       stops it;
#   bench_sign_in        signs $admin in through the form and sets $session (the JSESSIONID).

psql_db() { psql -h 127.0.0.1 -U postgres -d "$1" -v ON_ERROR_STOP=1 -qAt "${@:2}"; }

bench_prepare() {
  psql_db postgres -c "drop database if exists $db" -c "create database $db"
  ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true -Djacoco.skip=true package
  jar=$(ls target/dsr-desk-*.jar | grep -v plain | head -1)
  bench_tmp=$(mktemp -d)
  app=
  trap bench_cleanup EXIT
}

bench_start_app() {
  local jvm=("$@")
  [ ${#jvm[@]} -gt 0 ] || jvm=(-Xmx512m)
  java "${jvm[@]}" -jar "$jar" --spring.profiles.active=postgres \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.datasource.username=postgres \
    --server.port="$port" --dsr.admin.email="$admin" --dsr.admin.password="$password" \
    --dsr.security.mfa.required=NONE \
    --dsr.deadline.sweep.run-at-startup=false --dsr.deadline.sweep.cron=- \
    --dsr.locations.sweep.run-at-startup=false --dsr.locations.sweep.cron=- --dsr.intake.sweep.cron=- \
    --dsr.mail.dispatch.interval=1h --logging.level.root=warn >"$bench_tmp/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 "${BENCH_START_SECONDS:-120}"); do
    curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  cat "$bench_tmp/app.log"
  exit 1
}

bench_stop_app() {
  if [ -n "${app:-}" ]; then
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
  fi
  app=
}

bench_cleanup() {
  bench_stop_app
  rm -rf "$bench_tmp"
  psql_db postgres -c "drop database if exists $db" || true
}

bench_sign_in() {
  local cookies="$bench_tmp/cookies" token
  rm -f "$cookies"
  token=$(curl -fs -c "$cookies" "http://localhost:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -fs -b "$cookies" -c "$cookies" -o /dev/null -d "email=$admin" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$token" "http://localhost:$port/login"
  session=$(awk '$6 == "JSESSIONID" { print $7 }' "$cookies")
  [ -n "$session" ] || { echo "Sign-in failed"; exit 1; }
}
