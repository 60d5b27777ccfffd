#!/usr/bin/env bash
# Times the answer package (docs/answer-package.md): an access answer with 500 mails (3 MB of
# text) and 50 attachments of 200 kB stored as task findings, prepared on its page (the PDF,
# JSON, originals and ZIP built in the background while the progress page is polled), then sent,
# in one JVM at -Xmx512m, against a baseline of 5 mails and 1 attachment in the same run. Prints
# for each step the time until the page answered, the time until the files were ready and the
# peak heap (the heap in use, sampled every 10 ms). JFR=1 also records a flight recording of the
# run (target/answer-package.jfr).
# Usage: bench/answer-package.sh [MAILS] [FILES]   (default 500 50)
# Environment (all optional): BENCH_DB (database, default dsr_bench_answer; created afresh and
# dropped at the end: give each concurrent run its own), SMTP_PORT (the test's GreenMail port,
# default 33026).
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
mails="${1:-500}"
files="${2:-50}"
db="${BENCH_DB:-dsr_bench_answer}"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db"
start=$(date +%s)
jfr=""
if [ "${JFR:-0}" = 1 ]; then jfr=" -XX:StartFlightRecording=filename=target/answer-package.jfr,settings=profile"; fi
JAVA_TOOL_OPTIONS="-Xmx512m -Dbench.mails=$mails -Dbench.files=$files$jfr" \
  TEST_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" TEST_DB_USERNAME=postgres TEST_SMTP_PORT="${SMTP_PORT:-33026}" \
  ./mvnw -B -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=AnswerPackageBench -Djacoco.skip=true \
  | grep -E "BENCH|PDF renderer warmed|Tests run|ERROR" || true
echo "wall (with build and application start): $(( $(date +%s) - start )) s"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db"
