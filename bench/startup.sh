#!/usr/bin/env bash
# How fast DSR Desk starts and how much memory it needs, against a bare Spring Boot skeleton with
# the same starters (bench/startup-skeleton) on the same machine in the same run.
#
# Usage: bench/startup.sh [--reuse] [--plain | --cds] [RUNS]      (RUNS defaults to 5)
#   (default) the application as it is shipped to production, built by bin/release (the jar
#             extracted, a class-data sharing archive from a training run), against the skeleton
#             started as a bare Spring Boot application is: java -jar
#   --plain   both with java -jar: the same treatment, to see how much more work the application does
#   --cds     both extracted and started from a CDS archive (Spring Boot's documented recipe)
#   --reuse   use the jars already in target/ and bench/startup-skeleton/target/ instead of building
# Environment: JAVA (default: java on the PATH), JAVA_OPTS (JVM options for both, default none),
#   SETTLE (seconds after readiness before peak memory is read, default 5), TIMEOUT (seconds a start
#   may take, default 600), WARMUP (untimed starts of each before the timed ones, default 1),
#   APP_ARGS (extra arguments for the application only, to try a setting, e.g.
#   APP_ARGS=--spring.jpa.open-in-view=true), APP_JAR and SKELETON_JAR (jars to measure instead of
#   building them, e.g. an earlier build of the application to compare).
#
# The two are started interleaved (app, skeleton, skeleton, app, ...), each on a fresh H2 file
# database in a temporary directory, on a free port, with the same JVM options. Measured per start:
#   ready   wall time from launching java until GET /actuator/health/readiness answers
#           {"status":"UP"} (Spring Boot says so once the application is ready, after its runners)
#           and then its first page, GET /login, has been served (200): work put off until the first
#           request is not hidden;
#   boot    what Spring itself reports ("Started ... in N seconds"), for orientation;
#   cpu     processor time (user + system, all threads) the process had used when it was ready:
#           steadier than wall time on a machine that other work shares;
#   peak    the process's peak resident memory (VmHWM), read SETTLE seconds after readiness, so
#           work the application does just after it is ready counts too.
# It prints each start, the medians and the ratios app/skeleton. Works from any directory; stops
# what it started and removes its files on exit.
set -euo pipefail
[ -z "${APP_JAR:-}" ] || APP_JAR=$(realpath "$APP_JAR")
[ -z "${SKELETON_JAR:-}" ] || SKELETON_JAR=$(realpath "$SKELETON_JAR")
cd "$(dirname "$0")/.."

runs=5
reuse=false
mode=shipped
for arg in "$@"; do
  case "$arg" in
    --reuse) reuse=true ;;
    --cds) mode=cds ;;
    --plain) mode=plain ;;
    [0-9]*) runs="$arg" ;;
    *) echo "Usage: bench/startup.sh [--reuse] [--plain | --cds] [RUNS]" >&2; exit 2 ;;
  esac
done
java_bin="${JAVA:-java}"
read -r -a java_opts <<<"${JAVA_OPTS:-}"
read -r -a app_args <<<"${APP_ARGS:-}"
settle="${SETTLE:-5}"
timeout="${TIMEOUT:-600}"
warmup="${WARMUP:-1}"

tmp=$(mktemp -d)
pid=
stop_java() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  pid=
}
cleanup() {
  stop_java
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The jars.
if [ -z "${APP_JAR:-}" ] && { ! $reuse || ! ls target/dsr-desk-*.jar >/dev/null 2>&1; }; then
  ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true -Djacoco.skip=true package
fi
if [ -z "${SKELETON_JAR:-}" ] && { ! $reuse || ! ls bench/startup-skeleton/target/startup-skeleton-*.jar >/dev/null 2>&1; }; then
  ./mvnw -q -B -f bench/startup-skeleton/pom.xml -DskipTests package
fi
declare -A jar
jar[app]=${APP_JAR:-$(ls target/dsr-desk-*.jar | grep -v plain | head -1)}
jar[skeleton]=${SKELETON_JAR:-$(ls bench/startup-skeleton/target/startup-skeleton-*.jar | grep -v plain | head -1)}
echo "Application: ${jar[app]}"
echo "Skeleton:    ${jar[skeleton]}"
declare -A extra
extra[app]=
extra[skeleton]=
clock_ticks=$(getconf CLK_TCK)

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# launch NAME DATADIR LOG [JVM options...]: starts NAME in the background, its pid in $pid.
launch() {
  local name=$1 dir=$2 log=$3
  shift 3
  local args=()
  [ "$name" != app ] || args=(${app_args[@]+"${app_args[@]}"})
  if [ "$name" = app ] && [ "$mode" = shipped ] && [ $# = 0 ]; then
    JAVA="$java_bin" JAVA_OPTS="${JAVA_OPTS:-}" "$tmp/app-release/start" \
      --server.port="$port" --dsr.data-dir="$dir" ${args[@]+"${args[@]}"} >"$log" 2>&1 &
  else
    "$java_bin" ${java_opts[@]+"${java_opts[@]}"} "$@" ${extra[$name]} -jar "${jar[$name]}" \
      --server.port="$port" --dsr.data-dir="$dir" ${args[@]+"${args[@]}"} >"$log" 2>&1 &
  fi
  pid=$!
}

# The application as shipped: bin/release (extract, training run, archive).
if [ "$mode" = shipped ]; then
  JAVA="$java_bin" bin/release "$tmp/app-release" "${jar[app]}" >/dev/null
fi

# Class-data sharing: the same treatment for both (Spring Boot's documented recipe: extract the
# jar, run once with -XX:ArchiveClassesAtExit and spring.context.exit=onRefresh, start with
# -XX:SharedArchiveFile).
if [ "$mode" = cds ]; then
  for name in app skeleton; do
    "$java_bin" -Djarmode=tools -jar "${jar[$name]}" extract --destination "$tmp/$name-cds" >/dev/null
    jar[$name]=$(ls "$tmp/$name-cds"/*.jar)
    port=$(free_port)
    launch "$name" "$tmp/$name-training" "$tmp/$name-training.log" \
      -XX:ArchiveClassesAtExit="$tmp/$name.jsa" -Dspring.context.exit=onRefresh
    wait "$pid" || { tail -40 "$tmp/$name-training.log"; echo "The CDS training run of $name failed" >&2; exit 1; }
    pid=
    extra[$name]="-XX:SharedArchiveFile=$tmp/$name.jsa"
  done
fi

# start NAME: one timed start on a fresh database; sets $ready (ms), $boot (s), $cpu (s) and $peak
# (KiB).
start() {
  local name=$1 dir log began now state
  dir=$(mktemp -d "$tmp/$name-db-XXXX")
  log="$dir.log"
  port=$(free_port)
  began=$(date +%s%N)
  launch "$name" "$dir" "$log"
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -40 "$log" >&2
      echo "$name exited before it was ready" >&2
      exit 1
    fi
    state=$(curl -s -m 2 "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null || true)
    if [[ "$state" == *'"status":"UP"'* ]]; then
      state=$(curl -s -m 60 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login" || true)
      [ "$state" = 200 ] || { tail -40 "$log" >&2; echo "$name answered GET /login with $state" >&2; exit 1; }
      break
    fi
    now=$(date +%s%N)
    if (((now - began) / 1000000000 > timeout)); then
      tail -40 "$log" >&2
      echo "$name was not ready within $timeout s" >&2
      exit 1
    fi
    sleep 0.05
  done
  ready=$((($(date +%s%N) - began) / 1000000))
  cpu=$(awk -v hz="$clock_ticks" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$pid/stat")
  sleep "$settle"
  peak=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")
  boot=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$log" | awk '{ print $4 }' | tail -1)
  stop_java
  rm -rf "$dir" "$log"
  boot=${boot:-?}
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "Machine: $(nproc) cores, $(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
  "$("$java_bin" -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM options: ${JAVA_OPTS:-(none)}"
case "$mode" in
  shipped) echo "Mode: the application as shipped (bin/release: extracted, CDS archive) against the skeleton with java -jar" ;;
  plain) echo "Mode: both with java -jar (same treatment)" ;;
  cds) echo "Mode: both extracted and started from a CDS archive (same treatment)" ;;
esac
echo "Runs: $runs each, interleaved, after $warmup untimed start(s) of each; peak memory read ${settle} s after ready"
for ((i = 1; i <= warmup; i++)); do
  start app
  start skeleton
done
declare -A results
printf '%-4s %-9s %9s %9s %9s %10s\n' run what ready_s boot_s cpu_s peak_MiB
for ((i = 1; i <= runs; i++)); do
  if ((i % 2)); then order=(app skeleton); else order=(skeleton app); fi
  for name in "${order[@]}"; do
    start "$name"
    results[$name]+="$ready $peak $cpu"$'\n'
    printf '%-4s %-9s %9.2f %9s %9s %10.0f\n' "$i" "$name" "$(awk "BEGIN { print $ready / 1000 }")" "$boot" "$cpu" \
      "$(awk "BEGIN { print $peak / 1024 }")"
  done
done
declare -A ready_median peak_median cpu_median
for name in app skeleton; do
  ready_median[$name]=$(printf '%s' "${results[$name]}" | awk 'NF { print $1 }' | median)
  peak_median[$name]=$(printf '%s' "${results[$name]}" | awk 'NF { print $2 }' | median)
  cpu_median[$name]=$(printf '%s' "${results[$name]}" | awk 'NF { print $3 }' | median)
  printf 'median %-9s ready %6.2f s   cpu %6.2f s   peak %5.0f MiB\n' "$name" \
    "$(awk "BEGIN { print ${ready_median[$name]} / 1000 }")" "${cpu_median[$name]}" \
    "$(awk "BEGIN { print ${peak_median[$name]} / 1024 }")"
done
printf 'ratio app/skeleton: time %.2fx   memory %.2fx   (cpu %.2fx)\n' \
  "$(awk "BEGIN { print ${ready_median[app]} / ${ready_median[skeleton]} }")" \
  "$(awk "BEGIN { print ${peak_median[app]} / ${peak_median[skeleton]} }")" \
  "$(awk "BEGIN { print ${cpu_median[app]} / ${cpu_median[skeleton]} }")"
echo "Load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
